package dev.latchkey.kernel.api;

/**
 * The {@code page} and {@code size} query parameters of every list in the REST API, read
 * from text so that a value that is not a number is a 400 problem, not the 404 JAX-RS gives
 * for a parameter it cannot convert.
 */
public record PageRequest(int page, int size) {

    /** Items per page when the caller does not say. */
    public static final int DEFAULT_SIZE = 20;
    /** The largest page the API serves. */
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw Problems.validation("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.validation("size must be between 1 and " + MAX_SIZE);
        }
    }

    /** Reads the two parameters; absent or blank ones take their defaults (page 0, size 20). */
    public static PageRequest parse(String page, String size) {
        return new PageRequest(integer("page", page, 0), integer("size", size, DEFAULT_SIZE));
    }

    private static int integer(String field, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.validation(field + " must be a whole number");
        }
    }
}
