/**
 * Two widgets for the admin's home page, in place of onboarding: consultations whose outcome is
 * due (closed more than 12 weeks ago with none published), and what is scheduled to publish or
 * unpublish. Each line opens the item's form.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ukDate, ukDateTime } from '../feeds/dates';
import { UPDATE_TYPES, TYPE_LABELS, type UpdateType } from '../lib/update-types';

type Listed = { type: UpdateType; documentId: string; title: string; at: string; action?: 'publish' | 'unpublish' };

const editPath = (item: Listed) => `/content-manager/collection-types/${UPDATE_TYPES[item.type]}/${item.documentId}`;

function useList(path: string) {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ items?: Listed[]; failed?: boolean }>({});
  useEffect(() => {
    get<{ data: Listed[] }>(path).then(
      ({ data }) => setState({ items: data.data }),
      () => setState({ failed: true }),
    );
  }, [get, path]);
  return state;
}

function List({ items, describe }: { items: Listed[]; describe: (item: Listed) => string }) {
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
      {items.map((item) => (
        <Box tag="li" key={`${item.documentId}-${item.action ?? ''}`} paddingBottom={2}>
          <Typography variant="omega" fontWeight="semiBold">
            <Link to={editPath(item)}>{item.title || 'Untitled'}</Link>
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {describe(item)}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}

export function OutcomesDue() {
  const { items, failed } = useList('/send-editorial/outcomes-due');
  if (failed) return <Widget.Error>The list could not be loaded.</Widget.Error>;
  if (!items) return <Widget.Loading>Loading consultations</Widget.Loading>;
  if (items.length === 0) return <Widget.NoData>No outcomes are due.</Widget.NoData>;
  return <List items={items} describe={(item) => `Closed ${ukDate(new Date(item.at))}: publish what you heard and what you did.`} />;
}

export function Scheduled() {
  const { items, failed } = useList('/send-editorial/scheduled');
  if (failed) return <Widget.Error>The list could not be loaded.</Widget.Error>;
  if (!items) return <Widget.Loading>Loading the schedule</Widget.Loading>;
  if (items.length === 0) return <Widget.NoData>Nothing is scheduled.</Widget.NoData>;
  return (
    <List
      items={items}
      describe={(item) => `${TYPE_LABELS[item.type]}: ${item.action === 'unpublish' ? 'unpublishes' : 'publishes'} at ${ukDateTime(new Date(item.at))}`}
    />
  );
}
