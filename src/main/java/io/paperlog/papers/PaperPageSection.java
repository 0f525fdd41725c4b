package io.paperlog.papers;

import io.javalin.http.Context;
import java.util.Map;

/** What a feature adds to a paper's page: model entries for the person looking at it. */
public interface PaperPageSection {

    Map<String, ?> model(Context ctx, Paper paper);
}
