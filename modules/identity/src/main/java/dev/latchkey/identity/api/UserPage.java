package dev.latchkey.identity.api;

import java.util.List;

/** One page of a user search, with the total number of matches. */
public record UserPage(List<UserView> users, int page, int size, long total) {

    public UserPage {
        users = List.copyOf(users);
    }
}
