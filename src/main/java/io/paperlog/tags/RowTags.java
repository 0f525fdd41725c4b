package io.paperlog.tags;

import java.util.List;
import java.util.Map;

/** My tags on each paper of a page (the catalogue's rows), by paper id. */
public record RowTags(Map<Long, List<Tag>> byPaper) {

    public static RowTags of(Map<Long, List<String>> names) {
        Map<Long, List<Tag>> tags = new java.util.HashMap<>();
        names.forEach((paper, list) -> tags.put(paper, list.stream().map(n -> new Tag(0, n, 0)).toList()));
        return new RowTags(tags);
    }

    public List<Tag> on(long paperId) {
        return byPaper.getOrDefault(paperId, List.of());
    }
}
