package dev.latchkey.oauth.internal.client;

import java.util.List;

/** One page of clients, with the total number of clients. */
public record ClientPage(List<StoredClient> items, int page, int size, long total) {

    public ClientPage {
        items = List.copyOf(items);
    }
}
