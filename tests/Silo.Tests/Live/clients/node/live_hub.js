#!/usr/bin/env node
// The live hub's acceptance run (tests/Silo.Tests/Live, LiveHubAcceptanceTests.cs), with the clients a dashboard and
// a field device would use: @microsoft/signalr and mqtt.js.
//
//   node live_hub.js '<json options>'
//
// Options: {"hubUrl": "http://127.0.0.1:PORT/hubs/twin", "apiKey": "...", "mqttUrl": "mqtt://127.0.0.1:PORT",
//           "districtId": "...", "marker": {device}, "load": [{device}, ...], "rounds": 10, "loadSeconds": 6,
//           "loadHz": 20, "loadMetrics": 60}
//   device: {"id": "...", "kind": "environment-sensor", "username": "...", "password": "..."}
//
// 1. Two hub clients ("fast" and "slow") subscribe to the district; each prints its snapshot.
// 2. The marker device publishes pm2_5 over MQTT once to warm up, then `rounds` times; the fast client prints the
//    publish → receive latency of each value it gets in a `deltas` message.
// 3. The slow client stops reading its WebSocket (its TCP socket is paused, as a frozen browser tab would) while the
//    load devices publish large telemetry into the district and the marker goes on; the fast client, now subscribed
//    to the marker alone, prints its latencies as before. Then the slow client reads again and prints the fresh
//    snapshot the hub sends it.
// Every line on stdout is one JSON object with an "event"; the last is {"event": "done"}. Exits 2 on a failure.
'use strict';

const signalR = require('@microsoft/signalr');
const mqtt = require('mqtt');
const { performance } = require('node:perf_hooks');

const options = JSON.parse(process.argv[2] || '{}');
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  print({ event: 'error', message });
  process.exit(2);
}

// A hub client that records every snapshot and delta by subscription id, whatever order they arrive in.
async function hubClient(name) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(options.hubUrl, {
      headers: { 'X-Api-Key': options.apiKey },
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const client = { name, connection, snapshots: [], waiters: [] };
  const notify = () => {
    for (const waiter of client.waiters.splice(0)) {
      waiter();
    }
  };
  client.wait = (condition, timeoutMs, what) => new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${name}: no ${what} within ${timeoutMs} ms`)), timeoutMs);
    const check = () => {
      const found = condition();
      if (found) {
        clearTimeout(deadline);
        resolve(found);
      } else {
        client.waiters.push(check);
      }
    };
    check();
  });
  client.onDelta = null;
  connection.on('snapshot', (subscriptionId, twins) => {
    client.snapshots.push({ subscriptionId, twins, at: performance.now() });
    notify();
  });
  connection.on('deltas', (subscriptionId, twins, removed) => {
    const at = performance.now();
    if (client.onDelta) {
      client.onDelta(subscriptionId, twins, removed, at);
    }
    notify();
  });
  await connection.start();
  return client;
}

function connectDevice(device) {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(options.mqttUrl, {
      clientId: `live-${device.id}`.slice(0, 23),
      username: device.username,
      password: device.password,
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 10000,
    });
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

const topic = (device) => `city/v1/${device.kind}/${device.id}/telemetry`;

function metricOf(twin, name) {
  const reading = (twin.metrics || []).find((m) => m.metric === name);
  return reading ? reading.value : undefined;
}

// Publishes the marker's pm2_5 and resolves with the time until the fast client got that value in a delta.
function measureRound(marker, fast, subscriptionId, value) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fast client: pm2_5=${value} of ${options.marker.id} not received within 5 s`)), 5000);
    let sentAt = 0;
    fast.onDelta = (id, twins, removed, at) => {
      if (id !== subscriptionId) {
        return;
      }
      const twin = twins.find((t) => t.id === options.marker.id);
      if (twin && metricOf(twin, 'pm2_5') === value) {
        clearTimeout(timer);
        fast.onDelta = null;
        resolve(at - sentAt);
      }
    };
    sentAt = performance.now();
    marker.publish(topic(options.marker), JSON.stringify({ values: { pm2_5: value } }), { qos: 0 }, (error) => {
      if (error) {
        reject(error);
      }
    });
  });
}

// Stops reading the WebSocket's TCP socket: the hub's sends pile up in the network buffers, then stall.
function socketOf(client) {
  const transport = client.connection.connection && client.connection.connection.transport;
  const webSocket = transport && transport._webSocket;
  const socket = webSocket && webSocket._socket;
  if (!socket || typeof socket.pause !== 'function') {
    fail('cannot reach the slow client\'s TCP socket to pause it');
  }
  return socket;
}

async function main() {
  const rounds = options.rounds || 10;
  const fast = await hubClient('fast');
  const slow = await hubClient('slow');
  const fastSubscription = await fast.connection.invoke('SubscribeDistrict', options.districtId);
  const slowSubscription = await slow.connection.invoke('SubscribeDistrict', options.districtId);
  for (const [client, subscriptionId] of [[fast, fastSubscription], [slow, slowSubscription]]) {
    const snapshot = await client.wait(() => client.snapshots.find((s) => s.subscriptionId === subscriptionId), 10000, 'snapshot');
    print({
      event: 'snapshot',
      client: client.name,
      subscriptionId,
      twins: snapshot.twins.length,
      hasMarker: snapshot.twins.some((t) => t.id === options.marker.id),
      districts: [...new Set(snapshot.twins.map((t) => t.districtId))],
    });
  }

  const marker = await connectDevice(options.marker);
  let value = 100;
  // One unmeasured round first: the silo's first telemetry of a twin compiles the path (JIT) it takes afterwards.
  value += 1;
  print({ event: 'latency', phase: 'warmup', round: 0, ms: await measureRound(marker, fast, fastSubscription, value) });
  await sleep(300);
  for (let round = 1; round <= rounds; round++) {
    value += 1;
    const ms = await measureRound(marker, fast, fastSubscription, value);
    print({ event: 'latency', phase: 'quiet', round, ms });
    await sleep(300);
  }

  // The slow client freezes; the district gets busy. The fast client now follows the marker alone, so what it
  // measures is the hub's push to it, not its own parsing of the district's load on this shared machine.
  await fast.connection.invoke('Unsubscribe', fastSubscription);
  const markerSubscription = await fast.connection.invoke('SubscribeTwin', options.marker.id);
  await fast.wait(() => fast.snapshots.find((s) => s.subscriptionId === markerSubscription), 10000, 'snapshot of the marker');
  const slowSocket = socketOf(slow);
  slowSocket.pause();
  const snapshotsBefore = slow.snapshots.length;
  print({ event: 'slow-paused' });
  const loaders = await Promise.all((options.load || []).map(connectDevice));
  const metrics = options.loadMetrics || 60;
  let tick = 0;
  let published = 0;
  const loadTimer = setInterval(() => {
    tick += 1;
    options.load.forEach((device, i) => {
      const values = {};
      for (let m = 0; m < metrics; m++) {
        values[`m${String(m).padStart(2, '0')}`] = tick * 1000 + m + i / 1000;
      }
      loaders[i].publish(topic(device), JSON.stringify({ values }), { qos: 0 });
      published += 1;
    });
  }, 1000 / (options.loadHz || 20));

  const loadUntil = performance.now() + (options.loadSeconds || 6) * 1000;
  let round = 0;
  while (performance.now() < loadUntil) {
    round += 1;
    value += 1;
    const ms = await measureRound(marker, fast, markerSubscription, value);
    print({ event: 'latency', phase: 'slow-client-stalled', round, ms });
    await sleep(300);
  }
  clearInterval(loadTimer);
  print({ event: 'load-stopped', published });

  slowSocket.resume();
  const fresh = await slow.wait(
    () => slow.snapshots.slice(snapshotsBefore).find((s) => s.subscriptionId === slowSubscription), 30000, 'fresh snapshot after resuming');
  print({ event: 'slow-resnapshot', subscriptionId: fresh.subscriptionId, twins: fresh.twins.length, hasMarker: fresh.twins.some((t) => t.id === options.marker.id) });

  for (const client of [marker, ...loaders]) {
    client.end(true);
  }
  await Promise.all([fast.connection.stop(), slow.connection.stop()]);
  print({ event: 'done' });
  process.exit(0);
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
