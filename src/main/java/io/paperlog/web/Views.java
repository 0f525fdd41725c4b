package io.paperlog.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders Thymeleaf templates from {@code web/templates} with the model every page shares. */
public final class Views {

    private final TemplateEngine engine;
    private final Assets assets;
    private final Unread unread;
    private final Shortcuts shortcuts;

    public Views(Assets assets, Unread unread) {
        this(assets, unread, Shortcuts.NONE);
    }

    public Views(Assets assets, Unread unread, Shortcuts shortcuts) {
        this.assets = assets;
        this.unread = unread;
        this.shortcuts = shortcuts;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Views.class.getClassLoader());
        resolver.setPrefix("web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        this.engine.setTemplateResolver(resolver);
    }

    /**
     * Renders {@code template} (a path below web/templates, without .html) as the response body. Every page also
     * gets: assets, dates (in the viewer's time zone), preferences, section, user, header, csrf, flash, and when it is shown again for a refused form, errors
     * (field → sentence) and formError.
     */
    public void render(Context ctx, String template, Map<String, ?> model) {
        ctx.contentType("text/html; charset=utf-8").result(renderToString(ctx, template, model));
    }

    /**
     * Renders a template that is a part of a page, with {@code model} only (not the page-wide values): HTML to be kept
     * and placed into pages (a catalogue row's title and authors).
     */
    public String renderPart(String template, Map<String, ?> model) {
        return engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, new HashMap<>(model)));
    }

    /** Sends HTML that was built, escaped, outside a template (the catalogue's row controls). */
    public void renderHtml(Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** The part of the site a path belongs to, for marking the current item of the navigation. */
    static String section(String path) {
        String[] parts = path.split("/");
        String first = parts.length > 1 ? parts[1] : "";
        return first.isEmpty() || first.equals("papers") ? "papers" : first;
    }

    public String renderToString(Context ctx, String template, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("assets", assets);
        Preferences preferences = Preferences.of(ctx);
        variables.put("dates", Dates.in(preferences.zone()));
        variables.put("preferences", preferences);
        variables.put("section", section(ctx == null ? "/" : ctx.path()));
        variables.put("currentPath", ctx == null ? "/" : ctx.path());
        variables.put("user", ctx == null ? null : CurrentUser.find(ctx).orElse(null));
        variables.put("header", new Header((CurrentUser) variables.get("user"), unread, shortcuts));
        variables.put("csrf", ctx == null ? "" : Csrf.token(ctx));
        variables.putIfAbsent("flash", ctx == null ? null : Flash.take(ctx));
        // a page shown again for a refused form: each field's problem, and the one about the form as a whole
        Optional<UserError> refused = UserError.shownFor(ctx);
        variables.put("errors", refused.map(UserError::fields).orElse(Map.of()));
        variables.put("formError", refused.filter(e -> e.fields().isEmpty()).map(UserError::getMessage).orElse(null));
        return engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, variables));
    }
}
