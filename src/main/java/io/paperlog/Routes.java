package io.paperlog;

import io.paperlog.api.ApiRouter;
import io.paperlog.web.Router;

/**
 * The one route table: every route Paperlog answers, by feature, read top to bottom. A POST with a third entry is
 * a form: when it is refused for what was typed, that page is shown again with the input kept. Every route is
 * behind the session filter (login wall and CSRF check) but for the public ones the filter names.
 */
final class Routes {

    private Routes() {}

    static void register(Router r, Features f) {
        r.get("/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));

        // ---- the catalogue and the paper page (which my reading and annotations are sections of)
        r.get("/", f.catalogue::show);
        r.post("/catalogue/view", f.catalogue::setView); // normal or compact, kept in a cookie
        r.get("/papers/new", f.addPaper::showNew); // before /papers/{id}, which would take "new" for an id
        r.get("/papers/{id}", f.paperPage::show);

        // ---- papers people add: the add form (or a pasted BibTeX entry), editing and deleting one's own; citations
        r.post("/papers", f.addPaper::create, f.addPaper::showNew);
        r.get("/papers/{id}/edit", f.addPaper::showEdit);
        r.post("/papers/{id}/edit", f.addPaper::update, f.addPaper::showEdit);
        r.post("/papers/{id}/delete", f.addPaper::delete);
        r.get("/papers/{id}/bibtex", f.addPaper::bibtex);

        // ---- search: the header's box, results grouped by paper, and its live options while typing
        r.get("/search", f.search::show);
        r.get("/search/live", f.search::live);

        // ---- accounts: the first account, logging in and out, joining, resets, my account
        r.get("/setup", f.accounts.login::showSetup);
        r.post("/setup", f.accounts.login::setup, f.accounts.login::showSetup);
        r.get("/login", f.accounts.login::showLogin);
        r.post("/login", f.accounts.login::login, f.accounts.login::showLogin);
        r.get("/login/forgot", f.accounts.login::showForgotPassword);
        r.post("/logout", f.accounts.login::logout);
        r.get("/signup", f.accounts.join::showSignup);
        r.post("/signup", f.accounts.join::signup, f.accounts.join::showSignup);
        r.get("/invite/{token}", f.accounts.join::showInvite);
        r.post("/invite/{token}", f.accounts.join::acceptInvite, f.accounts.join::showInvite);
        r.get("/reset/{token}", f.accounts.reset::show);
        r.post("/reset/{token}", f.accounts.reset::reset, f.accounts.reset::show);
        r.get("/account", f.accounts.myAccount::show);
        r.post("/account/profile", f.accounts.myAccount::updateProfile, f.accounts.myAccount::show);
        r.post("/account/preferences", f.accounts.myAccount::updatePreferences, f.accounts.myAccount::show);
        r.post("/account/password", f.accounts.myAccount::changePassword, f.accounts.myAccount::show);
        r.post("/account/sessions/end-others", f.accounts.myAccount::endOtherSessions);
        r.get("/account/tokens", f.accounts.tokenRoutes::show);
        r.post("/account/tokens", f.accounts.tokenRoutes::create, f.accounts.tokenRoutes::show);
        r.post("/account/tokens/{id}/revoke", f.accounts.tokenRoutes::revoke);

        // ---- my data: the export zip, and the import (the one route that takes a file: see RequestInput)
        r.get("/account/export", f.io.exports::person);
        r.get("/account/import", f.io.imports::show);
        r.post("/account/import", f.io.imports::preview, f.io.imports::show);
        r.post("/account/import/confirm", f.io.imports::confirm);

        // ---- admin (admins only)
        r.get("/admin", f.admin::show);
        r.post("/admin/invites", f.admin::createInvite);
        r.post("/admin/invites/{id}/revoke", f.admin::revokeInvite);
        r.post("/admin/settings", f.admin::updateSettings);
        r.post("/admin/backup", f.backups::download);
        r.get("/admin/export", f.io.exports::instance);
        r.post("/admin/accounts/{id}/reset", f.admin::createResetLink);
        r.post("/admin/accounts/{id}/{action}", f.admin::changeAccount, f.admin::show);

        // ---- my reading: status, rating and note of a paper (forms of the paper page; a catalogue row's one form
        // sends either to /mark), library, stats
        r.post("/papers/{id}/status", f.tracking.statuses::setStatus, f.paperPage);
        r.post("/papers/{id}/rating", f.tracking.statuses::setRating, f.paperPage);
        r.post("/papers/{id}/mark", f.tracking.statuses::setMark, f.paperPage);
        r.post("/papers/{id}/note", f.tracking.noteRoutes::save, f.paperPage);
        r.post("/papers/{id}/note/restore", f.tracking.noteRoutes::restore, f.paperPage);
        r.get("/papers/{id}/note/revisions/{revision}", f.tracking.noteRoutes::showRevision);
        r.get("/library", f.tracking.library::library);
        r.post("/library/sharing", f.tracking.library::setSharing);
        r.get("/stats", f.tracking.library::stats);
        r.get("/help", f.tracking.library::help);

        // ---- what to read next, for me (related papers are a section of the paper page)
        r.get("/next", f.related.next::show);
        r.post("/next/{id}/not-interested", f.related.next::notInterested);
        r.post("/next/{id}/interested", f.related.next::interested);

        // ---- reading lists: lists, their papers and sessions, discussion, coverage, sharing
        r.get("/lists", f.lists.lists::index);
        r.get("/lists/new", f.lists.lists::showNew);
        r.post("/lists", f.lists.lists::create, f.lists.lists::showNew);
        r.get("/lists/{id}", f.lists.page::show);
        r.get("/lists/{id}/coverage", f.lists.coverage::show);
        r.get("/lists/{id}/settings", f.lists.lists::showSettings);
        r.post("/lists/{id}/settings", f.lists.lists::updateSettings, f.lists.lists::showSettings);
        r.post("/lists/{id}/members", f.lists.lists::setMember, f.lists.lists::showSettings);
        r.post("/lists/{id}/members/{accountId}/remove", f.lists.lists::removeMember);
        r.post("/lists/{id}/owner", f.lists.lists::transfer, f.lists.lists::showSettings);
        r.post("/lists/{id}/public", f.lists.sharing::setPublicLink);
        r.post("/lists/{id}/delete", f.lists.lists::delete);
        r.post("/lists/{id}/items", f.lists.itemRoutes::add, f.lists.page);
        r.post("/papers/{id}/lists", f.lists.itemRoutes::addFromPaper, f.paperPage); // the paper page's "Add to a list"
        r.post("/lists/{id}/order", f.lists.itemRoutes::reorder, f.lists.page);
        r.post("/lists/{id}/items/{itemId}/move", f.lists.itemRoutes::move, f.lists.page);
        r.post("/lists/{id}/items/{itemId}/remove", f.lists.itemRoutes::remove);
        r.get("/lists/{id}/items/{itemId}", f.lists.discussion::showItem);
        r.post("/lists/{id}/items/{itemId}/note", f.lists.itemRoutes::setNote, f.lists.discussion::showItem);
        r.post("/lists/{id}/items/{itemId}/session", f.lists.itemRoutes::schedule, f.lists.discussion::showItem);
        r.post("/lists/{id}/items/{itemId}/comments", f.lists.discussion::comment, f.lists.discussion::showItem);
        r.post("/lists/{id}/items/{itemId}/comments/{commentId}", f.lists.discussion::editComment,
                f.lists.discussion::showItem);
        r.post("/lists/{id}/items/{itemId}/comments/{commentId}/delete", f.lists.discussion::deleteComment);
        r.post("/lists/{id}/calendar", f.lists.sharing::createCalendarLink);
        r.get("/shared/{token}", f.lists.sharing::showPublic);
        r.get("/calendar/{file}", f.lists.sharing::calendar);

        // ---- my tags: on papers (from the paper page, a catalogue row, a selection of rows), the tags page, a tag's page
        r.post("/papers/{id}/tags", f.tags.routes::addToPaper, f.paperPage);
        r.post("/papers/{id}/tags/remove", f.tags.routes::removeFromPaper);
        r.post("/tags/selection", f.tags.routes::bulk);
        r.get("/tags", f.tags.routes::index);
        r.get("/tags/{name}", f.tags.routes::show);
        r.post("/tags/{name}/rename", f.tags.routes::rename, f.tags.routes::show);
        r.post("/tags/{name}/delete", f.tags.routes::delete);

        // ---- my saved views: a filter of the catalogue or library, or a search, by name; a list made of one
        r.get("/views", f.savedViews::index);
        r.post("/views", f.savedViews::create, f.savedViews::index);
        r.get("/views/{id}", f.savedViews::show);
        r.post("/views/{id}/rename", f.savedViews::rename, f.savedViews::show);
        r.post("/views/{id}/delete", f.savedViews::delete);
        r.post("/views/{id}/list", f.savedViews::makeList, f.savedViews::show);

        // ---- the team: what teammates did, and what waits for me
        r.get("/activity", f.activity.routes::show);
        r.get("/notifications", f.activity.notifications::show);
        r.post("/notifications/read", f.activity.notifications::readAll);
        r.post("/notifications/{id}/read", f.activity.notifications::open);

        // ---- annotations on abstracts
        r.post("/papers/{id}/annotations", f.annotations.routes::create, f.annotations.routes::showNewForm);
        r.get("/papers/{id}/annotations.jsonld", f.annotations.list::exportPaper);
        r.get("/annotations", f.annotations.list::list);
        r.get("/annotations.jsonld", f.annotations.list::exportAll);
        r.get("/annotations/{id}", f.annotations.routes::show);
        r.post("/annotations/{id}", f.annotations.routes::update, f.annotations.routes::show);
        r.post("/annotations/{id}/delete", f.annotations.routes::delete);
        r.post("/annotations/{id}/replies", f.annotations.routes::reply, f.annotations.routes::show);
        r.post("/annotations/{id}/replies/{replyId}", f.annotations.routes::editReply, f.annotations.routes::show);
        r.post("/annotations/{id}/resolve", f.annotations.routes::resolve);

        // ---- the token API: JSON for the person whose token asks; a GET never writes, a read token never writes
        ApiRouter api = f.api.router(r);
        api.get("/api/openapi.json", f.api::document);
        api.get("/api/v1/me", f.api::me);
        api.get("/api/v1/papers", f.api.papers::list);
        api.get("/api/v1/papers/{id}", f.api.papers::show);
        api.get("/api/v1/search", f.api.search::search);
        api.get("/api/v1/reading", f.api.reading::library);
        api.get("/api/v1/reading/events", f.api.reading::events);
        api.get("/api/v1/papers/{id}/reading", f.api.reading::show);
        api.put("/api/v1/papers/{id}/status", f.api.reading::setStatus);
        api.put("/api/v1/papers/{id}/rating", f.api.reading::setRating);
        api.get("/api/v1/papers/{id}/note", f.api.reading::note);
        api.put("/api/v1/papers/{id}/note", f.api.reading::saveNote);
        api.get("/api/v1/annotations", f.api.annotations::mine);
        api.get("/api/v1/papers/{id}/annotations", f.api.annotations::onPaper);
        api.post("/api/v1/papers/{id}/annotations", f.api.annotations::create);
        api.get("/api/v1/annotations/{id}", f.api.annotations::show);
        api.put("/api/v1/annotations/{id}", f.api.annotations::update);
        api.delete("/api/v1/annotations/{id}", f.api.annotations::delete);
        api.get("/api/v1/lists", f.api.lists::index);
        api.post("/api/v1/lists", f.api.lists::create);
        api.get("/api/v1/lists/{id}", f.api.lists::show);
        api.post("/api/v1/lists/{id}/items", f.api.lists::addItem);
        api.put("/api/v1/lists/{id}/order", f.api.lists::reorder);
        api.put("/api/v1/lists/{id}/items/{itemId}/note", f.api.lists::setNote);
        api.delete("/api/v1/lists/{id}/items/{itemId}", f.api.lists::removeItem);
    }
}
