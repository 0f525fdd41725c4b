package io.paperlog.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperlog.web.Dates;
import io.paperlog.web.Flash;
import io.paperlog.web.Params;
import io.paperlog.web.RequestUser;
import io.paperlog.web.Views;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin page: accounts, invites, open sign-up, password-reset links. */
public final class AdminRoutes {

    /** An account as the admin page lists it: no hash. */
    public record AccountRow(long id, String username, String displayName, boolean admin, boolean active,
                             String createdAt, boolean you) {}

    private final AccountStore accounts;
    private final InviteStore invites;
    private final ResetStore resets;
    private final Views views;
    private final Clock clock;

    public AdminRoutes(AccountStore accounts, InviteStore invites, ResetStore resets, Views views, Clock clock) {
        this.accounts = accounts;
        this.invites = invites;
        this.resets = resets;
        this.views = views;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> render(ctx, null, null));
        routes.post("/admin/invites", this::createInvite);
        routes.post("/admin/invites/{id}/revoke", this::revokeInvite);
        routes.post("/admin/settings", this::updateSettings);
        routes.post("/admin/accounts/{id}/{action}", this::changeAccount);
    }

    void createInvite(Context ctx) {
        CurrentUser admin = requireAdmin(ctx);
        InviteStore.Created invite = invites.create(admin.id(), clock.instant());
        ctx.status(HttpStatus.CREATED);
        render(ctx, new Link("Invite link, valid until " + Dates.INSTANCE.readable(invite.expiresAt()) + ". It works once; copy it now, it is not shown again.",
                baseUrl(ctx) + "/invite/" + invite.token()), null);
    }

    void revokeInvite(Context ctx) {
        requireAdmin(ctx);
        long id = Params.pathId(ctx, "id", "Invite");
        Flash.set(ctx, invites.revoke(id, clock.instant()) ? "The invite is revoked."
                : "That invite was already used, revoked or does not exist.");
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    void updateSettings(Context ctx) {
        requireAdmin(ctx);
        String open = ctx.formParam("open_signup");
        if (open != null && !open.equals("on") && !open.equals("true")) {
            throw new BadRequestResponse("open_signup is either on or absent.");
        }
        accounts.setOpenSignup(open != null);
        Flash.set(ctx, open != null ? "Anyone who can reach this Paperlog may now sign up." : "Sign-up is closed; new people need an invite.");
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    void changeAccount(Context ctx) {
        CurrentUser admin = requireAdmin(ctx);
        long id = Params.pathId(ctx, "id", "Account");
        Account account = accounts.find(id).orElseThrow(() -> new NotFoundResponse("There is no such account."));
        String action = ctx.pathParam("action");
        try {
            switch (action) {
                case "deactivate" -> accounts.setActive(id, false);
                case "reactivate" -> accounts.setActive(id, true);
                case "promote" -> accounts.setAdmin(id, true);
                case "demote" -> accounts.setAdmin(id, false);
                case "reset" -> {
                    String token = resets.create(id, admin.id(), clock.instant());
                    ctx.status(HttpStatus.CREATED);
                    render(ctx, new Link("Password-reset link for " + account.username() + ", valid for 24 hours and once. "
                            + "Copy it now; it is not shown again.", baseUrl(ctx) + "/reset/" + token), null);
                    return;
                }
                default -> throw new NotFoundResponse("There is no such action.");
            }
        } catch (AccountProblem problem) {
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, null, problem.getMessage());
            return;
        }
        Flash.set(ctx, switch (action) {
            case "deactivate" -> account.username() + " is deactivated and signed out everywhere.";
            case "reactivate" -> account.username() + " can log in again.";
            case "promote" -> account.username() + " is now an admin.";
            default -> account.username() + " is no longer an admin.";
        });
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    /** A secret link shown once, in the response to the request that made it. */
    public record Link(String label, String url) {}

    private void render(Context ctx, Link link, String error) {
        CurrentUser admin = requireAdmin(ctx);
        List<AccountRow> rows = accounts.all().stream()
                .map(a -> new AccountRow(a.id(), a.username(), a.displayName(), a.admin(), a.active(), a.createdAt(),
                        a.id() == admin.id()))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("accounts", rows);
        model.put("invites", invites.list(clock.instant()));
        model.put("openSignup", accounts.openSignup());
        model.put("link", link);
        model.put("error", error);
        views.render(ctx, "admin/admin", model);
    }

    private static CurrentUser requireAdmin(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        if (!user.admin()) {
            throw new ForbiddenResponse("Only admins can open the admin page.");
        }
        return user;
    }

    private static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
