package dev.latchkey.session.api;

/**
 * Where a login comes from: the client's IP address, its {@code User-Agent} and the value of the
 * long-lived device cookie ({@code null} when the browser has none: a device not seen before).
 */
public record LoginDevice(String ipAddress, String userAgent, String deviceId) {

    public LoginDevice {
        ipAddress = ipAddress == null ? "" : ipAddress;
        userAgent = userAgent == null ? "" : userAgent;
    }
}
