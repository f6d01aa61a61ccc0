package dev.latchkey.identity.api;

import java.util.Map;

/**
 * The login chain: the password identifies the user, then each required
 * {@link AuthenticationStep} runs in order. State between steps lives in the ephemeral store,
 * so any node can take the next submission.
 */
public interface LoginFlow {

    /** First submission: username and password. */
    LoginProgress start(String username, String password, LoginContext context);

    /** A later submission for the step named in {@link LoginProgress.StepRequired}. */
    LoginProgress continueWith(String flowId, String stepId, Map<String, String> input, LoginContext context);
}
