package dev.latchkey.server.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the server's pages with Thymeleaf: natural HTML templates with escaping by default
 * and message bundles per locale. Templates come from {@code LATCHKEY_THEME_DIR}/templates
 * first when an operator sets it, then from the WAR.
 */
@ApplicationScoped
public class PageRenderer {

    private final TemplateEngine engine = new TemplateEngine();

    @Inject
    PageRenderer(@ConfigProperty(name = "latchkey.theme.dir") java.util.Optional<String> themeDirectory) {
        int order = 1;
        if (themeDirectory.filter(dir -> !dir.isBlank()).isPresent()) {
            FileTemplateResolver operatorTemplates = new FileTemplateResolver();
            operatorTemplates.setPrefix(themeDirectory.get() + "/templates/");
            operatorTemplates.setSuffix(".html");
            operatorTemplates.setTemplateMode(TemplateMode.HTML);
            operatorTemplates.setCheckExistence(true);
            operatorTemplates.setOrder(order++);
            engine.addTemplateResolver(operatorTemplates);
        }
        ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        bundled.setPrefix("templates/");
        bundled.setSuffix(".html");
        bundled.setTemplateMode(TemplateMode.HTML);
        bundled.setCharacterEncoding("UTF-8");
        bundled.setCacheable(true);
        bundled.setOrder(order);
        engine.addTemplateResolver(bundled);
        engine.setMessageResolver(new BundleMessageResolver());
    }

    /** For CDI's client proxy only. */
    PageRenderer() {
    }

    /** Renders a template in the given locale with the given variables. */
    public String render(String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        return engine.process(template, context);
    }
}
