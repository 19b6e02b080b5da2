// Side-effect module: shifts the page clock to STORY_NOW before any component code runs.
// Imported first by .storybook/preview.ts.
import { installStoryClock } from './story-clock.js';

installStoryClock();
