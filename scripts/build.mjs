#!/usr/bin/env node
/** `npm run build`: the widget bundles and the CMS (server and admin panel), for deployment. */
import { buildCms, buildWidgets, ensureDependencies } from './lib/steps.mjs';

await ensureDependencies();
await buildWidgets({ force: true });
await buildCms({ admin: true });
