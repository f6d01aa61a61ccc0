package dev.latchkey.oauth.internal.token;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import java.util.UUID;

/** The one rule every grant with a user shares: the user must still exist and be active. */
final class Users {

    private Users() {
    }

    static UserView active(UserDirectory directory, UUID userId) {
        return directory.findById(userId).filter(UserView::isActive)
                .orElseThrow(() -> OAuthException.invalidGrant("The user is disabled or no longer exists"));
    }
}
