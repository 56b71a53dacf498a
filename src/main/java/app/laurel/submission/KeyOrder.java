package app.laurel.submission;

/**
 * Every (fingerprint, entry) row of many entries in the order of {@code similarity_fingerprint}'s primary key
 * (contest, fingerprint, entry): a merge of the entries' own fingerprint lists, each sorted already, through a heap
 * of one cursor per entry. Written in this order, millions of rows fill the index's pages one after another;
 * written an entry or a chunk of entries at a time, every chunk touched nearly every page of the index again,
 * and a 40,000-entry contest wrote 9 GB to the disk for an index of a few hundred megabytes.
 */
final class KeyOrder {

    private final long[] entryIds;
    private final long[][] lists;
    /** Per list, the position of its next row. */
    private final int[] at;
    /** Lists that have rows left, as a binary heap on (next fingerprint, entry id). */
    private final int[] heap;
    private int size;

    /** {@code lists[i]} are the fingerprints of entry {@code entryIds[i]}, ascending and distinct. */
    KeyOrder(long[] entryIds, long[][] lists) {
        this.entryIds = entryIds;
        this.lists = lists;
        this.at = new int[lists.length];
        this.heap = new int[lists.length];
        for (int i = 0; i < lists.length; i++) {
            if (lists[i].length > 0) {
                heap[size++] = i;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            down(i);
        }
    }

    boolean hasNext() {
        return size > 0;
    }

    /** The fingerprint of the next row. */
    long fingerprint() {
        return lists[heap[0]][at[heap[0]]];
    }

    /** The entry of the next row. */
    long entry() {
        return entryIds[heap[0]];
    }

    /** Moves past the next row. */
    void advance() {
        int list = heap[0];
        if (++at[list] == lists[list].length) {
            heap[0] = heap[--size];
        }
        down(0);
    }

    private void down(int i) {
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && before(heap[left], heap[smallest])) {
                smallest = left;
            }
            if (right < size && before(heap[right], heap[smallest])) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            int swap = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = swap;
            i = smallest;
        }
    }

    private boolean before(int a, int b) {
        long fa = lists[a][at[a]];
        long fb = lists[b][at[b]];
        return fa != fb ? fa < fb : entryIds[a] < entryIds[b];
    }
}
