#!/usr/bin/env node
// Load actorgraph's Cytoscape.js and graphology exports with the real
// libraries and compare them with the source graph.
//
//   node check_js.mjs ACTORGRAPH GRAPH.json NODE_MODULES_DIR
//
// NODE_MODULES_DIR is the directory install_npm.sh installed into (the one
// holding node_modules/), or that node_modules/ itself.
//
// Exports GRAPH as `--format cytoscape --with-metrics --with-layout` and
// `--format graphology --with-metrics`, loads the first with Cytoscape.js
// headless (from `elements`, and the whole .cyjs object with cy.json()) and
// the second with graphology (Graph.from, new Graph(options) + import, and
// MultiDirectedGraph.from), and checks every node and edge against
// `actorgraph convert GRAPH.json` (the graph with every default written
// out). Prints one "ok: ..." line per check; on the first mismatch prints
// what differs and exits 1. A library that cannot be loaded is a failure.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, inspect } from 'node:util';

const COUNT_METRICS = ['in_degree', 'out_degree', 'pos_degree', 'neg_degree'];
const REAL_METRICS = ['in_strength', 'out_strength', 'betweenness', 'closeness', 'harmonic',
  'pagerank', 'eigenvector', 'hub', 'authority', 'pn'];
const EXTRA_KEYS = new Set([...COUNT_METRICS, ...REAL_METRICS, 'bloc', 'x', 'y']);
const EDGE_FIELDS = ['type', 'sign', 'weight', 'mutual', 'confidence', 'start', 'end', 'label',
  'evidence'];

class Mismatch extends Error {}

// actorgraph names relations r1, r2, ... in file order; an id that an actor
// already has gets a suffix: r3_1, r3_2, ...
function relationId(i, actors) {
  const taken = new Set(actors.map((a) => a.id));
  let id = `r${i + 1}`;
  for (let k = 1; taken.has(id); k++) id = `r${i + 1}_${k}`;
  return id;
}

function fail(where, msg) {
  throw new Mismatch(`${where}: ${msg}`);
}

const show = (v) => inspect(v, { depth: 6, breakLength: Infinity });

function expect(where, got, want) {
  if (!isDeepStrictEqual(got, want))
    fail(where, `got ${show(got)}, expected ${show(want)}`);
}

function expectKeys(where, obj, want) {
  const got = Object.keys(obj).sort();
  want = [...want].sort();
  if (!isDeepStrictEqual(got, want))
    fail(where, `fields ${show(got)}, expected ${show(want)}`);
}

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

function usage() {
  console.error('usage: check_js.mjs ACTORGRAPH GRAPH.json NODE_MODULES_DIR');
  process.exit(2);
}

// ---- the graph as actorgraph sees it -------------------------------------------

function run(argv) {
  try {
    return execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e.stderr ? e.stderr.toString().trim() : e.message;
    throw new Mismatch(`${argv.join(' ')} failed (status ${e.status}): ${err}`);
  }
}

function loadSource(exe, graph, tmp) {
  const norm = path.join(tmp, 'norm.json');
  run([exe, 'convert', graph, norm]);
  const g = JSON.parse(fs.readFileSync(norm, 'utf8'));
  const src = {
    title: g.title,
    description: g.description,
    sources: g.sources ?? [],
    actors: g.actors,
    ids: g.actors.map((a) => a.id),
    byId: new Map(g.actors.map((a) => [a.id, a])),
    relations: new Map(g.relations.map((r, i) => [relationId(i, g.actors), r])),
    pairs: new Map(),
  };
  for (const r of g.relations) {
    const p = `${r.source}\u0000${r.target}`;
    src.pairs.set(p, (src.pairs.get(p) ?? 0) + 1);
  }
  return src;
}

// The actor's fields as every JSON export writes them.
function actorWant(a) {
  return pick(a, ['name', 'kind', 'group', 'attributes']);
}

function relationWant(r) {
  return pick(r, EDGE_FIELDS);
}

// Metrics and bloc (and x, y with the layout): present, of the right type,
// and equal to the node-link export's (ref).
function checkExtras(where, d, ref, layout) {
  for (const m of [...COUNT_METRICS, 'bloc']) {
    if (!Number.isInteger(d[m])) fail(where, `${m} is ${show(d[m])}, expected an integer`);
  }
  if (d.bloc < 1) fail(where, `bloc ${d.bloc} < 1`);
  for (const m of REAL_METRICS) {
    if (typeof d[m] !== 'number' || !Number.isFinite(d[m]))
      fail(where, `${m} is ${show(d[m])}, expected a finite number`);
  }
  for (const m of ['x', 'y']) {
    if (layout && typeof d[m] !== 'number') fail(where, `${m} is ${show(d[m])}, expected a number`);
    if (!layout && m in d) fail(where, `${m} without --with-layout`);
  }
  if (!ref) fail(where, 'not in the node-link export');
  for (const m of [...COUNT_METRICS, ...REAL_METRICS, 'bloc', ...(layout ? ['x', 'y'] : [])])
    expect(`${where} ${m} (vs the node-link export)`, d[m], ref[m]);
}

function splitNode(d, idKey) {
  const base = {}, extra = {};
  for (const [k, v] of Object.entries(d)) {
    if (k === idKey) continue;
    (EXTRA_KEYS.has(k) ? extra : base)[k] = v;
  }
  return [base, extra];
}

function checkGraphData(where, data, src) {
  expect(`${where} graph title`, data.title, src.title);
  expect(`${where} graph description`, data.description, src.description);
  expect(`${where} graph sources`, data.sources, src.sources);
}

// ---- Cytoscape.js ---------------------------------------------------------------

function checkCy(where, cy, json, src, ref, positions = true) {
  const nodes = cy.nodes(), edges = cy.edges();
  if (nodes.length !== src.ids.length) fail(where, `${nodes.length} nodes, expected ${src.ids.length}`);
  if (edges.length !== src.relations.size)
    fail(where, `${edges.length} edges, expected ${src.relations.size}`);
  expect(`${where} node order`, nodes.map((n) => n.id()), src.ids);

  const exported = new Map(json.elements.nodes.map((el) => [el.data.id, el]));
  for (const n of nodes) {
    const id = n.id(), w = `${where} node ${id}`;
    const d = n.data();
    const [base, extra] = splitNode(d, 'id');
    expect(`${w} data`, base, actorWant(src.byId.get(id)));
    checkExtras(w, extra, ref.get(id), true);
    // position: the one in the export, and the same as data.x, data.y
    const el = exported.get(id);
    if (!el || !el.position) fail(w, 'the export has no position for it');
    expect(`${w} data.x, data.y vs position in the file`, { x: d.x, y: d.y }, el.position);
    if (positions) expect(`${w} position()`, n.position(), el.position);
    if (!n.isNode() || n.isParent() || n.isChild()) fail(w, 'not a plain node');
  }
  for (const e of edges) {
    const id = e.id(), w = `${where} edge ${id}`;
    const r = src.relations.get(id);
    if (!r) fail(w, `no relation ${id}`);
    const d = e.data();
    expectKeys(w, d, ['id', 'source', 'target', ...Object.keys(relationWant(r))]);
    expect(`${w} source`, d.source, r.source);
    expect(`${w} target`, d.target, r.target);
    expect(`${w} source()`, e.source().id(), r.source);
    expect(`${w} target()`, e.target().id(), r.target);
    const { id: _i, source: _s, target: _t, ...fields } = d;
    expect(`${w} data`, fields, relationWant(r));
    if (typeof d.sign !== 'number' || typeof d.weight !== 'number' || typeof d.mutual !== 'boolean')
      fail(w, 'sign and weight should be numbers, mutual a boolean');
  }
  for (const [pair, n] of src.pairs) {
    const [s, t] = pair.split('\u0000');
    const got = cy.edges().filter((e) => e.data('source') === s && e.data('target') === t).length;
    if (got !== n) fail(where, `${got} edges ${s} -> ${t}, expected ${n} (parallel relations lost?)`);
    if (s !== t) {
      const between = cy.getElementById(s).edgesTo(cy.getElementById(t)).length;
      if (between !== n) fail(where, `edgesTo ${s} -> ${t} gives ${between}, expected ${n}`);
    }
  }
}

function checkCytoscape(cytoscape, exe, graph, tmp, src, ref, name) {
  const file = path.join(tmp, 'graph.cyjs');
  run([exe, 'export', graph, '--format', 'cytoscape', '--with-metrics', '--with-layout', '-o', file]);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  let where = `${name} cytoscape elements`;
  if (!json.elements || !Array.isArray(json.elements.nodes) || !Array.isArray(json.elements.edges))
    fail(where, 'no elements.nodes and elements.edges arrays');

  let cy;
  try {
    cy = cytoscape({ headless: true, elements: structuredClone(json.elements) });
  } catch (e) {
    fail(where, `cytoscape() refused the elements: ${e.stack || e}`);
  }
  // Headless, Cytoscape.js runs its 'null' layout at start, which puts every
  // node at (0, 0) whatever the elements say (with a container it runs
  // 'grid'): only the data can be compared here.
  checkCy(where, cy, json, src, ref, false);
  console.log(`ok: ${where}: ${cy.nodes().length} nodes, ${cy.edges().length} edges, data match`);
  cy.destroy();

  // with the 'preset' layout the positions in the file are kept
  where = `${name} cytoscape elements + preset layout`;
  try {
    cy = cytoscape({ headless: true, layout: { name: 'preset' },
      elements: structuredClone(json.elements) });
  } catch (e) {
    fail(where, `cytoscape() refused the elements: ${e.stack || e}`);
  }
  checkCy(where, cy, json, src, ref);
  console.log(`ok: ${where}: ${cy.nodes().length} nodes, ${cy.edges().length} edges, ` +
    'data and positions match');
  cy.destroy();

  // the whole .cyjs object, as Cytoscape desktop and cy.json() take it
  where = `${name} cytoscape cy.json()`;
  try {
    cy = cytoscape({ headless: true });
    cy.json(structuredClone(json));
  } catch (e) {
    fail(where, `cy.json() refused the file: ${e.stack || e}`);
  }
  checkCy(where, cy, json, src, ref);
  const data = cy.data();
  expect(`${where} graph name`, data.name, src.title);
  checkGraphData(where, data, src);
  // and what cy.json() gives back loads again the same
  const again = cytoscape({ headless: true });
  again.json(cy.json());
  checkCy(`${where} round trip`, again, json, src, ref);
  console.log(`ok: ${where}: ${cy.nodes().length} nodes, ${cy.edges().length} edges, ` +
    'graph data, node and edge data match');
  again.destroy();
  cy.destroy();
}

// ---- graphology -----------------------------------------------------------------

function checkGraphologyGraph(where, graph, src, ref) {
  if (graph.type !== 'directed') fail(where, `type ${show(graph.type)}, expected 'directed'`);
  if (graph.multi !== true) fail(where, `multi ${show(graph.multi)}, expected true`);
  if (graph.allowSelfLoops !== true) fail(where, `allowSelfLoops ${show(graph.allowSelfLoops)}`);
  if (graph.order !== src.ids.length) fail(where, `order ${graph.order}, expected ${src.ids.length}`);
  if (graph.size !== src.relations.size)
    fail(where, `size ${graph.size}, expected ${src.relations.size}`);
  if (graph.undirectedSize !== 0) fail(where, `${graph.undirectedSize} undirected edges`);
  expect(`${where} node order`, graph.nodes(), src.ids);
  checkGraphData(where, graph.getAttributes(), src);

  graph.forEachNode((key, attrs) => {
    const w = `${where} node ${key}`;
    const [base, extra] = splitNode(attrs, null);
    expect(`${w} attributes`, base, actorWant(src.byId.get(key)));
    checkExtras(w, extra, ref.get(key), false);
  });
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
    const w = `${where} edge ${key}`;
    const r = src.relations.get(key);
    if (!r) fail(w, `no relation ${key}`);
    if (undirected) fail(w, 'undirected');
    expect(`${w} source`, source, r.source);
    expect(`${w} target`, target, r.target);
    expect(`${w} attributes`, attrs, relationWant(r));
  });
  for (const [pair, n] of src.pairs) {
    const [s, t] = pair.split('\u0000');
    const keys = graph.outEdges(s, t); // edges(s, t) gives both directions
    const want = [...src.relations].filter(([, r]) => r.source === s && r.target === t)
      .map(([k]) => k);
    if (keys.length !== n) fail(where, `${keys.length} edges ${s} -> ${t}, expected ${n}`);
    expect(`${where} edges ${s} -> ${t}`, keys.sort(), want.sort());
  }
}

function checkGraphology(Graph, exe, graph, tmp, src, ref, name) {
  const file = path.join(tmp, 'graph.graphology.json');
  run([exe, 'export', graph, '--format', 'graphology', '--with-metrics', '-o', file]);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const loaders = [
    ['Graph.from', () => Graph.from(structuredClone(json))],
    ['new Graph(options).import', () => {
      const g = new Graph(structuredClone(json.options));
      g.import(structuredClone(json));
      return g;
    }],
    ['MultiDirectedGraph.from', () => Graph.MultiDirectedGraph.from(structuredClone(json))],
  ];
  for (const [how, load] of loaders) {
    const where = `${name} graphology ${how}`;
    let g;
    try {
      g = load();
    } catch (e) {
      fail(where, `graphology refused it: ${e.stack || e}`);
    }
    checkGraphologyGraph(where, g, src, ref);
    // export() and from() again keep it all
    checkGraphologyGraph(`${where} round trip`, Graph.from(g.export()), src, ref);
    console.log(`ok: ${where}: ${g.type} multi, order ${g.order}, size ${g.size}, ` +
      'attributes and parallel edges match');
  }
}

// ---- main -----------------------------------------------------------------------

function main() {
  const [exe, graph, modules] = process.argv.slice(2);
  if (!exe || !graph || !modules || process.argv.length !== 5) usage();
  const name = path.basename(graph);

  // resolve from NODE_MODULES_DIR: createRequire looks in DIR/node_modules
  // (and, when DIR is a node_modules folder, in DIR itself)
  const require = createRequire(path.join(path.resolve(modules), 'package.json'));
  let cytoscape, Graph;
  try {
    cytoscape = require('cytoscape');
    Graph = require('graphology');
  } catch (e) {
    console.error(`check_js: FAIL: cannot load cytoscape and graphology from ${modules} ` +
      `(run tests/clients/install_npm.sh ${modules}): ${e.message}`);
    return 1;
  }
  // versions from the package.json above each entry point (cytoscape's
  // "exports" does not export ./package.json)
  const versions = ['cytoscape', 'graphology'].map((p) => {
    for (let dir = path.dirname(require.resolve(p)); dir !== path.dirname(dir);
      dir = path.dirname(dir)) {
      const pj = path.join(dir, 'package.json');
      if (fs.existsSync(pj)) {
        const meta = JSON.parse(fs.readFileSync(pj, 'utf8'));
        if (meta.name === p) return `${p} ${meta.version}`;
      }
    }
    return `${p} (version unknown)`;
  });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-js-'));
  try {
    const src = loadSource(exe, graph, tmp);
    const refFile = path.join(tmp, 'ref.json');
    run([exe, 'export', graph, '--format', 'node-link', '--with-metrics', '--with-layout',
      '-o', refFile]);
    const ref = new Map(JSON.parse(fs.readFileSync(refFile, 'utf8')).nodes.map((n) => [n.id, n]));
    checkCytoscape(cytoscape, exe, graph, tmp, src, ref, name);
    checkGraphology(Graph, exe, graph, tmp, src, ref, name);
  } catch (e) {
    if (!(e instanceof Mismatch)) throw e;
    console.error(`check_js: FAIL: ${e.message}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`check_js: exports of ${name} load in ${versions.join(', ')} and match`);
  return 0;
}

process.exitCode = main();
