#!/usr/bin/env node
// An mqtt.js device for the silo's MQTT interop tests (tests/Silo.Tests/Mqtt, MqttJsDevice.cs).
//
//   node device.js '<json options>'
//
// Options: {"url": "mqtt://127.0.0.1:1883", "clientId": "...", "username": "...", "password": "...",
//           "protocolVersion": 5 | 4, "mode": "steps" | "respond", ...}
//
// mode "steps": runs `steps` in order and prints one JSON line per step, then disconnects and exits 0:
//   {"publish": "<topic>", "payload": "<text>", "qos": 0|1|2, "retain": false}
//       -> {"step": "publish", "topic": ..., "reasonCode": <PUBACK/PUBREC reason code, 0 for QoS 0>, "error": ...}
//   {"subscribe": "<filter>", "qos": 0|1|2}
//       -> {"step": "subscribe", "topic": ..., "reasonCodes": [<SUBACK codes>], "error": ...}
//   {"wait": <ms>}
// mode "respond": subscribes to city/v1/{kind}/{deviceId}/cmd/# (options kind, deviceId), prints
//   {"event": "ready", "reasonCodes": [...]}, then answers every command on its Response Topic (v5; else on
//   .../reply/{name}) with its Correlation Data and the payload {"status": "done", "command": name,
//   "received": <command payload>}, printing {"event": "command", ...} and {"event": "replied", ...}.
//   It runs until its standard input closes or `lifetimeMs` (default 60000) passes.
//
// A refused or failed connection prints {"step": "connect", "reasonCode": ..., "error": ...} and exits 2.
'use strict';

const mqtt = require('mqtt');

const options = JSON.parse(process.argv[2] || '{}');
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

function connect() {
  return new Promise((resolve) => {
    const client = mqtt.connect(options.url, {
      clientId: options.clientId,
      username: options.username,
      password: options.password,
      protocolVersion: options.protocolVersion || 5,
      keepalive: options.keepalive || 30,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: 10000,
    });
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      print({ step: 'connect', reasonCode: error && error.code !== undefined ? error.code : null, error: String(error && error.message || error) });
      client.end(true);
      process.exit(2);
    };
    client.on('connect', (connack) => {
      if (settled) return;
      settled = true;
      print({ step: 'connect', reasonCode: connack.reasonCode !== undefined ? connack.reasonCode : connack.returnCode || 0 });
      resolve(client);
    });
    client.on('error', fail);
    client.on('close', () => fail(new Error('connection closed before CONNACK')));
  });
}

// mqtt.js hands a successful acknowledgement's packet to nobody, so the last ack is taken from the wire.
let lastAck = null;

function publish(client, topic, payload, publishOptions) {
  return new Promise((resolve) => {
    lastAck = null;
    client.publish(topic, payload, publishOptions, (error, packet) => {
      const ack = packet || lastAck;
      let reasonCode = 0;
      if (error && error.code !== undefined) reasonCode = error.code;
      else if (ack && typeof ack.reasonCode === 'number') reasonCode = ack.reasonCode;
      resolve({ reasonCode, error: error ? String(error.message || error) : null });
    });
  });
}

function subscribe(client, topic, qos) {
  return new Promise((resolve) => {
    lastAck = null;
    client.subscribe(topic, { qos }, (error, _granted, packet) => {
      const suback = packet || lastAck;
      resolve({ reasonCodes: suback && suback.granted ? suback.granted : [], error: error ? String(error.message || error) : null });
    });
  });
}

async function runSteps(client) {
  for (const step of options.steps || []) {
    if (step.publish !== undefined) {
      const result = await publish(client, step.publish, step.payload || '', { qos: step.qos || 0, retain: !!step.retain });
      print({ step: 'publish', topic: step.publish, ...result });
    } else if (step.subscribe !== undefined) {
      const result = await subscribe(client, step.subscribe, step.qos || 0);
      print({ step: 'subscribe', topic: step.subscribe, ...result });
    } else if (step.wait !== undefined) {
      await new Promise((r) => setTimeout(r, step.wait));
    }
  }
  await client.endAsync();
  process.exit(0);
}

async function respond(client) {
  const base = `city/v1/${options.kind}/${options.deviceId}`;
  client.on('message', async (topic, payload, packet) => {
    const name = topic.slice(`${base}/cmd/`.length);
    const properties = packet.properties || {};
    let received;
    try {
      received = JSON.parse(payload.toString('utf8'));
    } catch {
      received = payload.toString('utf8');
    }
    print({
      event: 'command',
      topic,
      name,
      payload: payload.toString('utf8'),
      responseTopic: properties.responseTopic || null,
      correlationData: properties.correlationData ? Buffer.from(properties.correlationData).toString('hex') : null,
    });
    const replyTopic = properties.responseTopic || `${base}/reply/${name}`;
    const replyProperties = properties.correlationData ? { correlationData: properties.correlationData } : undefined;
    const reply = JSON.stringify({ status: 'done', command: name, received });
    const result = await publish(client, replyTopic, reply, { qos: 1, properties: replyProperties });
    print({ event: 'replied', topic: replyTopic, ...result });
  });
  const subscribed = await subscribe(client, `${base}/cmd/#`, 1);
  print({ event: 'ready', ...subscribed });

  const stop = async () => {
    await client.endAsync();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  setTimeout(stop, options.lifetimeMs || 60000).unref();
}

connect().then((client) => {
  client.on('packetreceive', (packet) => {
    if (['puback', 'pubrec', 'pubcomp', 'suback'].includes(packet.cmd)) lastAck = packet;
  });
  return options.mode === 'respond' ? respond(client) : runSteps(client);
}).catch((error) => {
  print({ step: 'fatal', error: String(error && error.stack || error) });
  process.exit(3);
});
