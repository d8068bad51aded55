"""A paho-mqtt device for the silo's MQTT interop tests (tests/Silo.Tests/Mqtt, PahoDevice.cs).

Run with Debian's interpreter, which has python3-paho-mqtt (1.6):

    /usr/bin/python3 paho_device.py '<json options>'

Options: {"host": "127.0.0.1", "port": 1883, "clientId": "...", "username": "...", "password": "...",
          "keepalive": 2, "mode": "will" | "thingsboard-rpc", ...}

mode "will" (options kind, deviceId, telemetry): connects with MQTT 3.1.1 and a Will of `offline` on
    city/v1/{kind}/{deviceId}/status (QoS 1, retained), publishes `online` there (QoS 1, retained), publishes
    `telemetry` (a JSON text) on .../telemetry with QoS 1, prints {"event": "ready"} once both are
    acknowledged, then keeps the connection alive (PINGREQ every keep-alive) until it is killed; with
    "silent": true it instead stops its network loop after "ready", keeping the socket open but sending nothing
    (a hung device, or a cable cut beyond a NAT that keeps the TCP connection up).
mode "thingsboard-rpc": connects with MQTT 3.1.1 as a ThingsBoard device (username = access token, no
    password), subscribes to v1/devices/me/rpc/request/+, prints {"event": "ready"} once subscribed, and answers
    every request {"method": m, "params": p} on v1/devices/me/rpc/response/{n} with
    {"status": "done", "method": m, "params": p}, printing {"event": "rpc", ...} per request.
Both modes run until killed or until `lifetime` seconds (default 60) pass.

A refused connection prints {"event": "refused", "returnCode": n} and exits 2.
"""

import json
import sys
import threading
import time

import paho.mqtt.client as mqtt

options = json.loads(sys.argv[1] if len(sys.argv) > 1 else "{}")
connected = threading.Event()
refused = []


def emit(line):
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def on_connect(client, userdata, flags, rc):
    if rc != 0:
        refused.append(rc)
    connected.set()


def wait_connected(client):
    if not connected.wait(10):
        emit({"event": "refused", "returnCode": None, "error": "no CONNACK within 10 s"})
        sys.exit(2)
    if refused:
        emit({"event": "refused", "returnCode": refused[0]})
        client.loop_stop()
        sys.exit(2)


def make_client():
    client = mqtt.Client(client_id=options.get("clientId", ""), clean_session=True, protocol=mqtt.MQTTv311)
    if options.get("password") is not None:
        client.username_pw_set(options["username"], options["password"])
    else:
        client.username_pw_set(options["username"])
    client.on_connect = on_connect
    return client


def run_will():
    base = "city/v1/{}/{}".format(options["kind"], options["deviceId"])
    client = make_client()
    client.will_set(base + "/status", "offline", qos=1, retain=True)
    client.connect(options.get("host", "127.0.0.1"), int(options["port"]), keepalive=int(options.get("keepalive", 2)))
    client.loop_start()
    wait_connected(client)
    online = client.publish(base + "/status", "online", qos=1, retain=True)
    telemetry = client.publish(base + "/telemetry", options.get("telemetry", "{}"), qos=1)
    online.wait_for_publish(10)
    telemetry.wait_for_publish(10)
    emit({"event": "ready", "online": online.is_published(), "telemetry": telemetry.is_published()})
    if options.get("silent"):
        client.loop_stop()
    time.sleep(float(options.get("lifetime", 60)))
    client.disconnect()
    client.loop_stop()


def run_thingsboard_rpc():
    client = make_client()
    prefix = "v1/devices/me/rpc/request/"
    subscribed = threading.Event()

    def on_subscribe(client, userdata, mid, granted_qos):
        emit({"event": "ready", "granted": list(granted_qos)})
        subscribed.set()

    def on_message(client, userdata, message):
        request_id = message.topic[len(prefix):]
        try:
            request = json.loads(message.payload.decode("utf-8"))
        except ValueError:
            request = {"method": None, "params": message.payload.decode("utf-8", "replace")}
        emit({"event": "rpc", "requestId": request_id, "request": request})
        reply = {"status": "done", "method": request.get("method"), "params": request.get("params")}
        client.publish("v1/devices/me/rpc/response/" + request_id, json.dumps(reply), qos=1)

    client.on_subscribe = on_subscribe
    client.on_message = on_message
    client.connect(options.get("host", "127.0.0.1"), int(options["port"]), keepalive=int(options.get("keepalive", 30)))
    client.loop_start()
    wait_connected(client)
    client.subscribe(prefix + "+", qos=1)
    if not subscribed.wait(10):
        emit({"event": "error", "error": "no SUBACK within 10 s"})
        sys.exit(3)
    time.sleep(float(options.get("lifetime", 60)))
    client.disconnect()
    client.loop_stop()


if options.get("mode") == "thingsboard-rpc":
    run_thingsboard_rpc()
else:
    run_will()
