-- Issue 17's last gaps. A lease is released when the call its device was making ends (stored with the
-- call's final event), so the operator's next call on another device takes it without a take-over; the
-- fencing number is kept (never reset), so a device that held an older one is still refused.
alter table operator_leases add column released_at timestamptz;

-- Events kept aside because their device had lost the lease: when that device takes the lease back and
-- its call goes on, the kept events are put back into the call (they fill the call's gap) and marked so;
-- the rows stay, so the record can say what happened.
alter table fenced_call_events add column restored_at timestamptz;
create index fenced_call_events_by_call on fenced_call_events (call_id, seq);
