package dev.latchkey.server.pages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Resolves {@code #{key}} in templates from {@code i18n/messages*.properties} (UTF-8), falling
 * back to English. A missing key shows as {@code ??key_locale??} so it is noticed in tests.
 */
final class BundleMessageResolver extends AbstractMessageResolver {

    static final String BUNDLE = "i18n.messages";

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, context.getLocale(),
                    BundleMessageResolver.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return parameters == null || parameters.length == 0 ? pattern
                    : new MessageFormat(pattern, context.getLocale()).format(parameters);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] parameters) {
        Locale locale = context.getLocale();
        return "??" + key + "_" + (locale == null ? "" : locale) + "??";
    }
}
