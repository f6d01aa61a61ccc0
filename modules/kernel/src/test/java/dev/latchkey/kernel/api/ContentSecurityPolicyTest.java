package dev.latchkey.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void pagesAllowOnlyTheServersOwnResourcesAndNoFraming() {
        assertTrue(ContentSecurityPolicy.PAGES.startsWith("default-src 'none'; "));
        assertTrue(ContentSecurityPolicy.PAGES.contains("img-src 'self' data:; "));
        assertTrue(ContentSecurityPolicy.PAGES.contains("frame-ancestors 'none'"));
    }

    @Test
    void allowingImageAddsExactlyThatUriToImgSrc() {
        assertEquals(ContentSecurityPolicy.PAGES.replace("img-src 'self' data:;",
                        "img-src 'self' data: https://app.example/logo.png?v=2;"),
                ContentSecurityPolicy.allowingImage("https://app.example/logo.png?v=2"));
    }

    @Test
    void anImageUriThatCouldBreakOutOfTheDirectiveIsRefused() {
        for (String uri : new String[] {null, "http://app.example/logo.png", "https://a.example/x; script-src *",
                "https://a.example/x,y", "https://a.example/'unsafe-inline'", "https://a.example/x y", "data:x"}) {
            assertFalse(ContentSecurityPolicy.isAllowableImage(uri), uri);
            assertThrows(IllegalArgumentException.class, () -> ContentSecurityPolicy.allowingImage(uri));
        }
    }
}
