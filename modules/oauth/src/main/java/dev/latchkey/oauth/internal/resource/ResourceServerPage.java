package dev.latchkey.oauth.internal.resource;

import java.util.List;

/** One page of resource servers, with the total number of them. */
public record ResourceServerPage(List<StoredResourceServer> items, int page, int size, long total) {

    public ResourceServerPage {
        items = List.copyOf(items);
    }
}
