/**
 * The one registry of tracks. A new track is a folder in content/, a schema in
 * src/content.config.ts and one entry here; routes, navigation and search read this list.
 */
export interface Track {
  /** Collection name and first URL segment: /<id>/<entry>/. */
  id: 'python' | 'aws' | 'kafka';
  /** Short name for navigation and search filters. */
  label: string;
  /** Title of the track's index page. */
  title: string;
  /** One sentence: what the track teaches (home page card, index meta description). */
  intro: string;
  /** Who it is for and how to use it (index page lead). */
  audience: string;
  /** What an entry is called in this track ("stage", "category", "concept"). */
  entryNoun: string;
  /** Its plural ("stages", "categories"). */
  entryNounPlural: string;
  /** Search words for the track's index page that its title and intro do not spell out (see `searchTerms`). */
  searchTerms?: string[];
}

export const TRACKS: readonly Track[] = [
  {
    id: 'python',
    label: 'Python',
    title: 'Python for data engineering',
    intro: 'A roadmap in learning order: from the language itself to files, libraries, databases, pipelines and production.',
    audience:
      'Follow the stages in order. Each one says why it comes where it does, teaches with examples that run, and ends with a checklist that tells you when you are ready for the next.',
    entryNoun: 'stage',
    entryNounPlural: 'stages',
    searchTerms: ['Python roadmap', 'learning path', 'curriculum'],
  },
  {
    id: 'aws',
    label: 'AWS',
    title: 'AWS for data and cloud engineers',
    intro: 'The services a cloud or data engineer must know, by category, compared side by side, and the architect\u2019s way of choosing between them.',
    audience:
      'Read a category when you meet it at work, or all of them in order before an interview. Every service has its own section you can link to.',
    entryNoun: 'category',
    entryNounPlural: 'categories',
    searchTerms: ['AWS services', 'Amazon Web Services', 'cloud services'],
  },
  {
    id: 'kafka',
    label: 'Kafka',
    title: 'Kafka concepts, with the interview questions answered',
    intro: 'The concepts interviewers use to test real experience with Kafka: what each is, why it exists and how it fails.',
    audience:
      'The concepts build on each other; each page names what to read first. Check yourself with the questions at the end of every page.',
    entryNoun: 'concept',
    entryNounPlural: 'concepts',
    searchTerms: ['Apache Kafka', 'Kafka concepts', 'event streaming concepts'],
  },
] as const;

export type TrackId = Track['id'];

export function getTrack(id: string): Track {
  const track = TRACKS.find((t) => t.id === id);
  if (!track) throw new Error(`Unknown track "${id}". Known tracks: ${TRACKS.map((t) => t.id).join(', ')}`);
  return track;
}

/** A track's entry noun, singular and plural. */
export const entryNoun = (track: Track) => ({ one: track.entryNoun, other: track.entryNounPlural });
