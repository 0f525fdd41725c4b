package io.paperlog.api;

import io.javalin.http.Context;
import io.paperlog.accounts.ApiToken;
import io.paperlog.accounts.TokenStore;
import io.paperlog.web.Csrf;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Problem;
import io.paperlog.web.UserError;
import java.time.Duration;

/**
 * Runs before every request to {@code /api/}: the caller is the person whose token {@code Authorization: Bearer}
 * names (cookies are never read there, so a browser's session cannot act through the API and no page of another
 * site can make it), the token's rate limit is taken, and a read token is refused anything but GET and HEAD. The
 * OpenAPI document is public.
 */
final class ApiAccess {

    static final String DOCUMENT = "/api/openapi.json";
    private static final String CALLER = "paperlog.apiCaller";
    private static final String CHALLENGE = "Bearer realm=\"Paperlog API\"";

    private final TokenStore tokens;
    private final RateLimit limits;

    ApiAccess(TokenStore tokens, RateLimit limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    void handle(Context ctx) {
        if (!Problem.isApiPath(ctx.path()) || ctx.path().equals(DOCUMENT)) {
            return;
        }
        ApiToken.Caller caller = tokens.find(bearer(ctx)).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
            return UserError.unauthorized("The token is unknown, revoked or expired, or its account is deactivated.");
        });
        Duration wait = limits.take(caller.tokenId());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", String.valueOf(seconds));
            throw UserError.tooManyRequests("This token sent more than " + RateLimit.BURST + " requests at once; "
                    + "it may send " + (int) RateLimit.PER_SECOND + " a second. Try again in " + seconds + " s.")
                    .withDetail("retry_after", seconds);
        }
        tokens.touch(caller);
        CurrentUser.set(ctx, caller.user());
        ctx.attribute(CALLER, caller);
        if (!caller.mayWrite() && !Csrf.isSafeMethod(ctx.method().name())) {
            ctx.header("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_scope\", scope=\"write\"");
            throw UserError.forbidden(ApiRouter.READ_ONLY);
        }
    }

    /** The caller the filter found; only routes behind it ask. */
    static ApiToken.Caller caller(Context ctx) {
        ApiToken.Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw UserError.unauthorized("Send a personal token as Authorization: Bearer <token>.");
        }
        return caller;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            ctx.header("WWW-Authenticate", CHALLENGE);
            throw UserError.unauthorized("Send a personal token (made at /account/tokens) as "
                    + "Authorization: Bearer <token>. The API does not use the pages' sign-in.");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            ctx.header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_request\"");
            throw UserError.unauthorized("The Authorization header is Bearer followed by the token.");
        }
        return parts[1].strip();
    }
}
