package dev.latchkey.oauth.internal.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of resource servers: {@code page} counts from 0. */
@JsonbPropertyOrder({"items", "page", "size", "total"})
public record ResourceServerListResponse(List<ResourceServerResponse> items, int page, int size, long total) {
}
