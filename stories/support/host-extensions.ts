/**
 * Host extension points for stories: what a host application registers so that +Bind, the
 * +Actions menu and "add to customers" appear in the about-session pane.
 */
import type { Binder, CustomerDirectory, HostAction, HostRecord } from '@live-chat/core';

const RECLAMATIONS: HostRecord[] = [
  {
    id: 'R-1042',
    label: 'Reclamation #1042 — damaged parcel',
    url: 'https://example.com/reclamations/1042',
  },
  {
    id: 'R-1057',
    label: 'Reclamation #1057 — missing charger',
    url: 'https://example.com/reclamations/1057',
  },
  { id: 'R-1060', label: 'Reclamation #1060 — wrong colour' },
];

let created = 2000;

/** "Reclamations" binds the customer's account; "Tasks" registers single messages. */
export function storyBinders(): Binder[] {
  return [
    {
      id: 'reclamations',
      label: 'Reclamations',
      target: 'customer',
      search: async (query) =>
        RECLAMATIONS.filter((r) => r.label.toLowerCase().includes(query.toLowerCase())),
      create: async (context) => ({
        id: `R-${++created}`,
        label: `Reclamation #${created} — ${context.session.name}`,
      }),
    },
    {
      id: 'tasks',
      label: 'Tasks',
      target: 'message',
      create: async (context) => ({
        id: `T-${++created}`,
        label: `Task #${created}: ${(context.message?.text ?? context.session.name).slice(0, 40)}`,
      }),
    },
  ];
}

/** The +Actions menu. */
export function storyActions(): HostAction[] {
  return [
    {
      id: 'start-business-process',
      label: 'Start business process',
      run: async (context) => ({
        message: `Business process "Refund" started for ${context.customer?.name ?? 'the customer'}.`,
      }),
    },
    {
      id: 'create-lead',
      label: 'Create lead',
      run: async () => ({ message: 'Lead created.' }),
    },
  ];
}

/** Host support for "add to customers". */
export function storyCustomerDirectory(): CustomerDirectory {
  return {
    addCustomer: async (customer) => ({ id: `CRM-${customer.id}`, label: customer.name }),
  };
}
