-- Issue 15 (mail at 10,000 messages): the dispatcher claims a batch of due rows with one guarded UPDATE under a name
-- of its own and reads back the rows carrying that name; without this index each batch would scan the outbox.
CREATE INDEX ix_outbox_message_claim ON outbox_message (claimed_by);
