package io.paperlog.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperlog.accounts.Account;
import io.paperlog.accounts.AccountStore;
import io.paperlog.accounts.InviteStore;
import io.paperlog.accounts.ResetStore;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Dates;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The admin page: accounts, invites, open sign-up, password-reset links. Every route is for admins only. */
public final class AdminRoutes {

    /** An account as the admin page lists it: no hash. */
    public record AccountRow(long id, String username, String displayName, boolean admin, boolean active,
                             String createdAt, boolean you) {}

    /** A secret link shown once, in the response to the request that made it. */
    public record Link(String label, String url) {}

    private final AccountStore accounts;
    private final InviteStore invites;
    private final ResetStore resets;
    private final BaseUrl baseUrl;
    private final Views views;

    public AdminRoutes(AccountStore accounts, InviteStore invites, ResetStore resets, BaseUrl baseUrl, Views views) {
        this.accounts = accounts;
        this.invites = invites;
        this.resets = resets;
        this.baseUrl = baseUrl;
        this.views = views;
    }

    public void show(Context ctx) {
        render(ctx, null);
    }

    public void createInvite(Context ctx) {
        CurrentUser admin = CurrentUser.admin(ctx);
        InviteStore.Created invite = invites.create(admin.id());
        ctx.status(HttpStatus.CREATED);
        render(ctx, new Link("Invite link, valid until " + Dates.of(ctx).readable(invite.expiresAt())
                + ". It works once; copy it now, it is not shown again.", baseUrl.of(ctx) + "/invite/" + invite.token()));
    }

    public void revokeInvite(Context ctx) {
        CurrentUser.admin(ctx);
        boolean revoked = invites.revoke(Params.pathId(ctx, "id", "Invite"));
        SafeRedirect.to(ctx, "/admin", revoked ? "The invite is revoked."
                : "That invite was already used, revoked or does not exist.");
    }

    public void updateSettings(Context ctx) {
        CurrentUser.admin(ctx);
        boolean open = SignupForm.read(ctx).open();
        accounts.setOpenSignup(open);
        SafeRedirect.to(ctx, "/admin", open ? "Anyone who can reach this Paperlog may now sign up."
                : "Sign-up is closed; new people need an invite.");
    }

    /** Deactivate, reactivate, promote, demote: a 409 (the page again) when it would leave no active admin. */
    public void changeAccount(Context ctx) {
        CurrentUser.admin(ctx);
        long id = Params.pathId(ctx, "id", "Account");
        Account account = accounts.find(id).orElseThrow(() -> UserError.notFound("There is no such account."));
        AccountAction action = AccountAction.of(ctx.pathParam("action"));
        action.apply(accounts, id);
        SafeRedirect.to(ctx, "/admin", action.done(account.username()));
    }

    public void createResetLink(Context ctx) {
        CurrentUser admin = CurrentUser.admin(ctx);
        long id = Params.pathId(ctx, "id", "Account");
        Account account = accounts.find(id).orElseThrow(() -> UserError.notFound("There is no such account."));
        String token = resets.create(id, admin.id());
        ctx.status(HttpStatus.CREATED);
        render(ctx, new Link("Password-reset link for " + account.username() + ", valid for 24 hours and once. "
                + "Copy it now; it is not shown again.", baseUrl.of(ctx) + "/reset/" + token));
    }

    private void render(Context ctx, Link link) {
        CurrentUser admin = CurrentUser.admin(ctx);
        List<AccountRow> rows = accounts.all().stream()
                .map(a -> new AccountRow(a.id(), a.username(), a.displayName(), a.admin(), a.active(), a.createdAt(),
                        a.id() == admin.id()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("accounts", rows);
        model.put("invites", invites.list());
        model.put("openSignup", accounts.openSignup());
        model.put("link", link);
        views.render(ctx, "admin/admin", model);
    }
}
