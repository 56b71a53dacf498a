package app.laurel.publication;

/** RECEIVED: waiting for the organisers. UPHELD: the entry is disqualified. DISMISSED: with a reply to the objector. */
public enum ObjectionStatus {
    RECEIVED, UPHELD, DISMISSED
}
