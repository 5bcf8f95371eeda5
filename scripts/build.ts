/** `npm run build`: the widget bundles and the CMS (server and admin panel), for deployment. */
import { buildCms, buildWidgets } from './lib/steps.ts';

await buildWidgets({ force: true });
await buildCms({ admin: true });
