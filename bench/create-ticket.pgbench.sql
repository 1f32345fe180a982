-- Ticket creation as one client transaction, for pgbench (bench/tickets.ts runs it: -c 8 -T N, the same
-- tenant as the Public API side, so both hit the same counter row): the per-tenant counter, the ticket,
-- its "created" history row and its ticket.created outbox row. Variables: :tenant and :reporter (--define), the rest from \gset.
BEGIN;
INSERT INTO itsm_settings (tenant_id, last_ticket_number) VALUES (:tenant, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET last_ticket_number = itsm_settings.last_ticket_number + 1
  RETURNING last_ticket_number, ticket_prefix \gset
INSERT INTO tickets (tenant_id, number, prefix, type, title, description, priority, reporter_id)
  VALUES (:tenant, :last_ticket_number, :ticket_prefix, 'incident', 'pgbench', '', 'medium', :reporter)
  RETURNING id AS ticket_id \gset
INSERT INTO ticket_history (tenant_id, ticket_id, actor_id, kind, new_value)
  VALUES (:tenant, :ticket_id, :reporter, 'created', 'open');
INSERT INTO outbox (tenant_id, event, payload)
  VALUES (:tenant, 'ticket.created', jsonb_build_object('tenantId', :tenant::uuid, 'ticketId', :ticket_id::uuid,
    'actorId', :reporter::uuid, 'occurredAt', now()));
END;
