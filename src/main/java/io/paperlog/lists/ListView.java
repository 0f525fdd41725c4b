package io.paperlog.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything a list's page shows: the list and the viewer's role, its items in order with their coverage, the
 * next session and the timeline of sessions, the people who may present, papers found by the title search, and
 * the viewer's own calendar link.
 */
public record ListView(ListAccess access, List<Coverage.Row> rows, ListItem nextUp, List<ListItem> upcoming,
                       List<ListItem> past, List<Member> presenters, String search, List<ListItem> found,
                       String calendarUrl, String publicUrl) {

    public ReadingList list() {
        return access.list();
    }

    public int version() {
        return access.list().version();
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    /** Where adding a paper found by the title search goes back to: the same search. */
    public String searchBack() {
        return "/lists/" + list().id() + "?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "#add-heading";
    }
}
