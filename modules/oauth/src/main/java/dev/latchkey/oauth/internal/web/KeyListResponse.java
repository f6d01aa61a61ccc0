package dev.latchkey.oauth.internal.web;

import java.util.List;

/** The signing keys: next, active, and retired ones still verifying. */
public record KeyListResponse(List<KeyResponse> keys) {
}
