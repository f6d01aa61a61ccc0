package dev.latchkey.server.errors;

import static dev.latchkey.server.errors.StoreUnavailableMapper.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.server.errors.StoreUnavailableMapper.Form;
import org.junit.jupiter.api.Test;

class StoreUnavailableMapperTest {

    @Test
    void formWhenRestApiThenProblemWhateverItProduces() {
        assertEquals(Form.API_PROBLEM, form("api/v1/account", new String[] {"application/json"}));
        assertEquals(Form.API_PROBLEM, form("/api/v1/admin/users", new String[0]));
    }

    @Test
    void formWhenProtocolEndpointAnswersJsonThenOAuthError() {
        assertEquals(Form.OAUTH_ERROR, form("token", new String[] {"application/json"}));
        assertEquals(Form.OAUTH_ERROR, form("/userinfo", new String[] {"application/json;charset=UTF-8"}));
    }

    @Test
    void formWhenPageOrNothingMatchedThenPage() {
        assertEquals(Form.PAGE, form("login", new String[] {"text/html"}));
        assertEquals(Form.PAGE, form("authorize", new String[0]));
        assertEquals(Form.PAGE, form("consent", new String[] {"*/*"}));
    }
}
