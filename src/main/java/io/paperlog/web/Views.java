package io.paperlog.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders Thymeleaf templates from {@code web/templates} with the model every page shares. */
public final class Views {

    private final TemplateEngine engine;
    private final Assets assets;

    public Views(Assets assets) {
        this.assets = assets;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Views.class.getClassLoader());
        resolver.setPrefix("web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        this.engine.setTemplateResolver(resolver);
    }

    /** Renders {@code template} (a path below web/templates, without .html) as the response body. */
    public void render(Context ctx, String template, Map<String, ?> model) {
        ctx.contentType("text/html; charset=utf-8").result(renderToString(ctx, template, model));
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
        variables.put("dates", Dates.INSTANCE);
        variables.put("section", section(ctx == null ? "/" : ctx.path()));
        variables.put("user", ctx == null ? null : RequestUser.find(ctx).orElse(null));
        variables.put("csrf", ctx == null ? "" : Csrf.token(ctx));
        variables.putIfAbsent("flash", ctx == null ? null : Flash.take(ctx));
        return engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, variables));
    }
}
