import { describe, expect, it } from 'vitest';
import { validateDiagram } from '../../src/lib/diagram-validate';

const ok = (code: string) => expect(validateDiagram(code), code).toEqual([]);
/** The one problem of a source: its line and a part of its message. */
const bad = (code: string, line: number, message: RegExp) => {
  const problems = validateDiagram(code);
  expect(problems, code).toHaveLength(1);
  expect(problems[0]!.line).toBe(line);
  expect(problems[0]!.message).toMatch(message);
};

describe('validateDiagram: header', () => {
  it('accepts the supported types', () => {
    ok('flowchart LR\n  A --> B');
    ok('flowchart TD\n  A --> B');
    ok('graph LR\n  A --> B');
    ok('graph\n  A --> B');
    ok('sequenceDiagram\n  A->>B: hi');
    ok('stateDiagram-v2\n  [*] --> A');
  });
  it('rejects other types and bad directions, at the header line', () => {
    bad('pie\n  "a": 1', 1, /unknown diagram type "pie"/);
    bad('\n%% a comment\nclassDiagram\n  A <|-- B', 3, /unknown diagram type/);
    bad('flowchart XY\n  A --> B', 1, /direction must be one of/);
    bad('sequenceDiagram LR\n  A->>B: x', 1, /unknown diagram type/);
    bad('', 1, /empty/);
  });
});

describe('validateDiagram: flowcharts', () => {
  it('accepts nodes, shapes, chains, labels, subgraphs, classes and comments', () => {
    ok(`flowchart LR
  %% a comment
  P[Producer] --> L["Leader (broker 1)"]
  L -->|fetch| F1(Follower) & F2([Follower 3])
  A{Valid?} -- yes --> B[[Subroutine]]
  A -. maybe .-> C[(Database)]
  A ==> D((Circle)) --- E{{Hex}}
  A --> B --> C;
  A <--> B
  A --o B
  X>Flag] -.- Y[/Input/]
  subgraph cluster1["Cluster one"]
    direction TB
    M --> N
  end
  subgraph "Only a title"
    Q
  end
  classDef hot fill:#fdd,stroke:#c00
  class A,B hot
  style C fill:#eee
  A:::hot --> Z`);
  });
  it('rejects an unclosed bracket, on its line', () => {
    bad('flowchart LR\n  A[x --> B', 2, /\[.*label|unclosed "\["/);
  });
  it('rejects brackets inside an unquoted label', () => {
    bad('flowchart LR\n  A --> L[Leader (broker 1)]', 2, /inside a label: put the label in quotes/);
  });
  it('rejects an unclosed quote', () => {
    bad('flowchart LR\n  A --> L["Leader]', 2, /unclosed quote/);
  });
  it('rejects a bad arrow and a missing link', () => {
    bad('flowchart LR\n  A -> B', 2, /is not a link/);
    bad('flowchart LR\n  A B', 2, /expected a link/);
    bad('flowchart LR\n  A -->|label B', 2, /unclosed "\|"/);
  });
  it('rejects unknown statements', () => {
    bad('flowchart LR\n  A --> B\n  click A "https://example.org"', 3, /expected a link/);
    bad('flowchart LR\n  linkStyle 0 stroke:#f00', 2, /expected a link/);
  });
  it('balances subgraph and end', () => {
    bad('flowchart LR\n  subgraph one\n    A --> B\n', 2, /"subgraph" is never closed/);
    bad('flowchart LR\n  A --> B\n  end', 3, /"end" without a subgraph/);
  });
  it('rejects "end" as a node', () => {
    bad('flowchart LR\n  A --> end', 2, /"end" cannot be a node id/);
  });
});

describe('validateDiagram: sequence diagrams', () => {
  it('accepts participants, messages with every arrow, notes and blocks', () => {
    ok(`sequenceDiagram
  autonumber
  participant B1 as Broker 1
  actor U as User
  U->>B1: produce
  B1-->>U: ack (offset 42)
  U->B1: solid line
  U-->B1: dotted line
  U-xB1: lost
  U--xB1: lost, dotted
  U-)B1: async
  U--)B1: async, dotted
  U->>+B1: and activate
  B1-->>-U: and deactivate
  activate B1
  deactivate B1
  Note over U,B1: both
  Note left of U: left
  note right of B1: right
  loop every 2s
    U->>B1: heartbeat
  end
  alt ok
    B1->>U: yes
  else timeout
    B1->>U: no
  end
  opt maybe
    U->>U: self
  end
  par one
    U->>B1: a
  and two
    U->>B1: b
  end
  rect rgb(240, 240, 255)
    U->>B1: highlighted
  end`);
  });
  it('rejects a message without a colon', () => {
    bad('sequenceDiagram\n  A->>B hello', 2, /needs a colon/);
  });
  it('rejects an unknown arrow and an unknown line', () => {
    bad('sequenceDiagram\n  A=>>B: hi', 2, /unknown line|not a message/);
    bad('sequenceDiagram\n  A->>B: hi\n  box Aqua Group', 3, /unknown line/);
  });
  it('balances blocks', () => {
    bad('sequenceDiagram\n  loop forever\n    A->>B: x', 2, /"loop" is never closed/);
    bad('sequenceDiagram\n  A->>B: x\n  end', 3, /"end" without a block/);
    bad('sequenceDiagram\n  else nope', 2, /"else" belongs inside an "alt" block/);
    bad('sequenceDiagram\n  loop x\n  and y\n  end', 3, /"and" belongs inside a "par" block/);
  });
  it('rejects unbalanced brackets in a message', () => {
    bad('sequenceDiagram\n  A->>B: ack (offset 42', 2, /unclosed "\("/);
  });
  it('rejects a bad participant and a bad note', () => {
    bad('sequenceDiagram\n  participant Broker-1', 2, /participant Id/);
    bad('sequenceDiagram\n  Note over A', 2, /Note left of A: text/);
  });
});

describe('validateDiagram: state diagrams', () => {
  it('accepts states, transitions, notes, composites and pseudo-states', () => {
    ok(`stateDiagram-v2
  direction LR
  [*] --> Empty
  Empty --> Preparing: member joins
  state "Completing the rebalance" as Completing
  Preparing --> Completing
  state Completing {
    [*] --> Sync
    Sync --> [*]
    --
    [*] --> Other
  }
  state fork1 <<fork>>
  Empty : no members
  note right of Empty : waits for a join
  note left of Preparing
    several lines
    of text
  end note
  Stable
  Stable --> [*]`);
  });
  it('rejects a bad transition, an unknown line and unbalanced braces', () => {
    bad('stateDiagram-v2\n  A -> B', 2, /unknown line/);
    bad('stateDiagram-v2\n  A --> B C', 2, /not a transition/);
    bad('stateDiagram-v2\n  state A {\n    [*] --> B', 2, /"state" is never closed: add "}"/);
    bad('stateDiagram-v2\n  A --> B\n  }', 3, /without a composite state/);
    bad('stateDiagram-v2\n  note right of A\n    text', 2, /"note" is never closed: add "end note"/);
  });
});
