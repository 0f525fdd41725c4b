package io.paperlog.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a long listing: which page, how many rows a page holds and how many there are in all, and the links
 * the pager fragment ({@code fragments/pager :: pager}) draws. {@code href} is the listing's address without its
 * page, ready for {@code page=N} to be appended ("/?sort=title&" or "/library?").
 */
public record Pager(int page, int perPage, long total, String href) {

    /** A link in the pager: a page number (0 for a gap drawn as "…"), its address, and whether it is this page. */
    public record Link(int number, String href, boolean current) {
        public boolean gap() {
            return number == 0;
        }
    }

    private static final int MAX_PAGE = 10_000_000;

    /** The page asked for with {@code ?page=}: 1 when absent, a 400 for anything but a whole number from 1. */
    public static int requested(Context ctx) {
        String raw = Params.query(ctx, "page");
        if (raw == null) {
            return 1;
        }
        if (raw.length() > 8 || !raw.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(raw) < 1
                || Integer.parseInt(raw) > MAX_PAGE) {
            throw UserError.badRequest("page is a whole number from 1, like 2.");
        }
        return Integer.parseInt(raw);
    }

    /** This pager, or a 404 when it is past the last page of a listing that has rows. */
    public Pager requireExists() {
        if (page > 1 && page > last()) {
            throw UserError.notFound("There is no page " + page + "; this listing has " + last()
                    + (last() == 1 ? " page." : " pages."));
        }
        return this;
    }

    /** The row the page starts at, counting from 0. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }

    public int last() {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    /** Whether there is more than one page, so that the pager is drawn at all. */
    public boolean shown() {
        return last() > 1;
    }

    public String previous() {
        return page > 1 ? at(page - 1) : null;
    }

    public String next() {
        return page < last() ? at(page + 1) : null;
    }

    /** "51–100 of 1,234". */
    public String range() {
        if (total == 0) {
            return "0 of 0";
        }
        long first = offset() + 1;
        long lastRow = Math.min(total, offset() + perPage);
        return Text.grouped(first) + "–" + Text.grouped(lastRow) + " of " + Text.grouped(total);
    }

    /** The first page, the last, and two on each side of this one, with gaps between. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= last(); n++) {
            boolean near = Math.abs(n - page) <= 2;
            if (n == 1 || n == last() || near) {
                if (previous != 0 && n > previous + 1) {
                    links.add(new Link(0, null, false));
                }
                links.add(new Link(n, at(n), n == page));
                previous = n;
            } else if (n < page - 2) {
                n = page - 3;
            } else {
                n = last() - 1;
            }
        }
        return links;
    }

    private String at(int n) {
        return href + "page=" + n;
    }
}
