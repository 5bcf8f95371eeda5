/**
 * "Content checks" beside the form of a news item, consultation or service update: the same
 * checks the server runs when an item is published, on the values as they are typed. Errors
 * (which stop publishing) and warnings (which only inform), each with what to do.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { checkItem, type CheckedItem } from '../content-checks/checks';
import { UPDATE_TYPES, type UpdateType } from '../lib/update-types';

const typeOfModel = (model: string) => (Object.keys(UPDATE_TYPES) as UpdateType[]).find((type) => UPDATE_TYPES[type] === model);

export const ContentChecksPanel: PanelComponent = ({ model }) => {
  const values = useForm('ContentChecksPanel', (state) => state.values) as Omit<CheckedItem, 'type'>;
  const type = typeOfModel(model);
  if (!type) return null;
  const findings = checkItem({ ...values, type });
  const errors = findings.filter((f) => f.level === 'error');
  const warnings = findings.filter((f) => f.level === 'warning');
  return {
    title: 'Content checks',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-content-checks="">
        {findings.length === 0 && <Typography variant="omega">No problems found.</Typography>}
        {errors.length > 0 && (
          <Typography variant="omega" fontWeight="bold" textColor="danger600">
            {errors.length === 1 ? '1 problem stops this being published:' : `${errors.length} problems stop this being published:`}
          </Typography>
        )}
        {[...errors, ...warnings].map((finding, i) => (
          <Box
            key={i}
            padding={3}
            hasRadius
            background={finding.level === 'error' ? 'danger100' : 'warning100'}
            borderColor={finding.level === 'error' ? 'danger200' : 'warning200'}
            data-level={finding.level}
          >
            <Typography variant="pi" tag="p">
              <Typography variant="pi" fontWeight="bold">
                {finding.level === 'error' ? 'Error: ' : 'Warning: '}
              </Typography>
              {finding.message}
            </Typography>
          </Box>
        ))}
      </Flex>
    ),
  };
};
