/** The actor of what the platform does by itself: assessing an accepted declaration, re-assessing on an alert. */
import type { User } from '../../core/model/index.js';

export const SYSTEM_ACTOR: User = { username: 'system', role: 'admin', createdAt: '1970-01-01T00:00:00.000Z' };
