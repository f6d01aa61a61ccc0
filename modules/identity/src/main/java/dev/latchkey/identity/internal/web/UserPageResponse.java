package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.UserPage;
import java.util.List;

/** One page of a user search: {@code page} counts from 0, {@code total} counts every match. */
public record UserPageResponse(List<UserResponse> items, int page, int size, long total) {

    static UserPageResponse of(UserPage page) {
        return new UserPageResponse(page.users().stream().map(UserResponse::of).toList(), page.page(), page.size(),
                page.total());
    }
}
