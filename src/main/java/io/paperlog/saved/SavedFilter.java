package io.paperlog.saved;

/** A person's named view of the catalogue, the library or a search. */
public record SavedFilter(long id, String name, SavedQuery query) {

    public String href() {
        return "/views/" + id;
    }
}
