import type { StoredStoryDay, StoryStore } from '../functions/core/ports';
import type { StoryDay } from '../functions/core/story-days';
import { compareStrings } from '../functions/core/text';

/** The story store in memory, as the table keeps it: a story's part per unit, listed by unit or by story. */
export class MemoryStoryStore implements StoryStore {
  readonly parts = new Map<string, StoredStoryDay>();
  /** How many reads of a unit, by unit. */
  readonly unitReads = new Map<string, number>();

  async listUnit(unit: string): Promise<StoryDay[]> {
    this.unitReads.set(unit, (this.unitReads.get(unit) ?? 0) + 1);
    return [...this.parts.values()]
      .filter((part) => part.date === unit)
      .map(({ updatedAt: _at, ...day }) => day)
      .sort((a, b) => compareStrings(a.story, b.story));
  }

  async putUnit(unit: string, next: readonly StoryDay[], previous: readonly StoryDay[], at: string): Promise<void> {
    for (const day of previous) this.parts.delete(`${day.story}|${unit}`);
    for (const day of next) this.parts.set(`${day.story}|${unit}`, { ...day, updatedAt: at });
  }

  async getStory(id: string): Promise<StoredStoryDay[]> {
    return [...this.parts.values()].filter((part) => part.story === id).sort((a, b) => compareStrings(a.date, b.date));
  }
}
