/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const runbus = $root.runbus = (() => {

    const runbus = {};

    runbus.v1 = (function() {

        const v1 = {};

        v1.Topic = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TOPIC_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RESOURCE"] = 1;
            values[valuesById[2] = "HOST"] = 2;
            values[valuesById[3] = "GPU"] = 3;
            values[valuesById[4] = "METRIC"] = 4;
            values[valuesById[5] = "ALERT"] = 5;
            values[valuesById[6] = "HEARTBEAT"] = 6;
            values[valuesById[7] = "LIFECYCLE"] = 7;
            values[valuesById[8] = "CONTAINER"] = 8;
            return values;
        })();

        v1.FigureError = (function() {

            const FigureError = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            FigureError.prototype.figure = "";
            FigureError.prototype.reason = "";

            FigureError.create = function(properties) {
                return new FigureError(properties);
            };

            FigureError.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.figure != null && $Object.hasOwnProperty.call(m, "figure") && m.figure !== "")
                    w.uint32(10).string(m.figure);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(18).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            FigureError.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            FigureError.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.FigureError();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.figure = v;
                            else
                                delete m.figure;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            FigureError.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            FigureError.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.figure != null && $Object.hasOwnProperty.call(m, "figure")) {
                    if (!$util.isString(m.figure))
                        return "figure: string expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            FigureError.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.FigureError)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.FigureError: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.FigureError();
                if (d.figure != null) {
                    if (typeof d.figure !== "string" || d.figure.length) {
                        m.figure = $String(d.figure);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            FigureError.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.figure = "";
                    d.reason = "";
                }
                if (m.figure != null && $Object.hasOwnProperty.call(m, "figure")) {
                    d.figure = m.figure;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            FigureError.prototype.toJSON = function() {
                return FigureError.toObject(this, $protobuf.util.toJSONOptions);
            };

            FigureError.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.FigureError";
            };

            return FigureError;
        })();

        v1.ResourceSnapshot = (function() {

            const ResourceSnapshot = function (p) {
                this.errors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ResourceSnapshot.prototype.tsMs = 0;
            ResourceSnapshot.prototype.runId = "";
            ResourceSnapshot.prototype.component = "";
            ResourceSnapshot.prototype.pid = 0;
            ResourceSnapshot.prototype.cpuPercent = null;
            ResourceSnapshot.prototype.rssBytes = null;
            ResourceSnapshot.prototype.ussBytes = null;
            ResourceSnapshot.prototype.threads = null;
            ResourceSnapshot.prototype.openFds = null;
            ResourceSnapshot.prototype.gpuUtilPercent = null;
            ResourceSnapshot.prototype.gpuMemBytes = null;
            ResourceSnapshot.prototype.loopLagP99Ms = null;
            ResourceSnapshot.prototype.cpuUserMs = null;
            ResourceSnapshot.prototype.cpuSystemMs = null;
            ResourceSnapshot.prototype.pssBytes = null;
            ResourceSnapshot.prototype.vmsBytes = null;
            ResourceSnapshot.prototype.ioReadBytes = null;
            ResourceSnapshot.prototype.ioWriteBytes = null;
            ResourceSnapshot.prototype.ctxSwitchesVoluntary = null;
            ResourceSnapshot.prototype.ctxSwitchesInvoluntary = null;
            ResourceSnapshot.prototype.state = "";
            ResourceSnapshot.prototype.loopLagP50Ms = null;
            ResourceSnapshot.prototype.loopLagMaxMs = null;
            ResourceSnapshot.prototype.loopUtilization = null;
            ResourceSnapshot.prototype.ppid = 0;
            ResourceSnapshot.prototype.command = "";
            ResourceSnapshot.prototype.errors = $util.emptyArray;
            ResourceSnapshot.prototype.heapUsedBytes = null;
            ResourceSnapshot.prototype.heapTotalBytes = null;
            ResourceSnapshot.prototype.externalBytes = null;
            ResourceSnapshot.prototype.arrayBuffersBytes = null;
            ResourceSnapshot.prototype.gcMinorMs = null;
            ResourceSnapshot.prototype.gcMajorMs = null;
            ResourceSnapshot.prototype.gcIncrementalMs = null;
            ResourceSnapshot.prototype.gcWeakcbMs = null;
            ResourceSnapshot.prototype.activeResources = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_cpuPercent", {
                get: $util.oneOfGetter($oneOfFields = ["cpuPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_rssBytes", {
                get: $util.oneOfGetter($oneOfFields = ["rssBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_ussBytes", {
                get: $util.oneOfGetter($oneOfFields = ["ussBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_threads", {
                get: $util.oneOfGetter($oneOfFields = ["threads"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_openFds", {
                get: $util.oneOfGetter($oneOfFields = ["openFds"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_gpuUtilPercent", {
                get: $util.oneOfGetter($oneOfFields = ["gpuUtilPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_gpuMemBytes", {
                get: $util.oneOfGetter($oneOfFields = ["gpuMemBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_loopLagP99Ms", {
                get: $util.oneOfGetter($oneOfFields = ["loopLagP99Ms"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_cpuUserMs", {
                get: $util.oneOfGetter($oneOfFields = ["cpuUserMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_cpuSystemMs", {
                get: $util.oneOfGetter($oneOfFields = ["cpuSystemMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_pssBytes", {
                get: $util.oneOfGetter($oneOfFields = ["pssBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_vmsBytes", {
                get: $util.oneOfGetter($oneOfFields = ["vmsBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_ioReadBytes", {
                get: $util.oneOfGetter($oneOfFields = ["ioReadBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_ioWriteBytes", {
                get: $util.oneOfGetter($oneOfFields = ["ioWriteBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_ctxSwitchesVoluntary", {
                get: $util.oneOfGetter($oneOfFields = ["ctxSwitchesVoluntary"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_ctxSwitchesInvoluntary", {
                get: $util.oneOfGetter($oneOfFields = ["ctxSwitchesInvoluntary"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_loopLagP50Ms", {
                get: $util.oneOfGetter($oneOfFields = ["loopLagP50Ms"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_loopLagMaxMs", {
                get: $util.oneOfGetter($oneOfFields = ["loopLagMaxMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_loopUtilization", {
                get: $util.oneOfGetter($oneOfFields = ["loopUtilization"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_heapUsedBytes", {
                get: $util.oneOfGetter($oneOfFields = ["heapUsedBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_heapTotalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["heapTotalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_externalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["externalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_arrayBuffersBytes", {
                get: $util.oneOfGetter($oneOfFields = ["arrayBuffersBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_gcMinorMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcMinorMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_gcMajorMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcMajorMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_gcIncrementalMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcIncrementalMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_gcWeakcbMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcWeakcbMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ResourceSnapshot.prototype, "_activeResources", {
                get: $util.oneOfGetter($oneOfFields = ["activeResources"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ResourceSnapshot.create = function(properties) {
                return new ResourceSnapshot(properties);
            };

            ResourceSnapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(26).string(m.component);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(32).uint32(m.pid);
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent"))
                    w.uint32(41).double(m.cpuPercent);
                if (m.rssBytes != null && $Object.hasOwnProperty.call(m, "rssBytes"))
                    w.uint32(48).uint64(m.rssBytes);
                if (m.ussBytes != null && $Object.hasOwnProperty.call(m, "ussBytes"))
                    w.uint32(56).uint64(m.ussBytes);
                if (m.threads != null && $Object.hasOwnProperty.call(m, "threads"))
                    w.uint32(64).uint32(m.threads);
                if (m.openFds != null && $Object.hasOwnProperty.call(m, "openFds"))
                    w.uint32(72).uint32(m.openFds);
                if (m.gpuUtilPercent != null && $Object.hasOwnProperty.call(m, "gpuUtilPercent"))
                    w.uint32(81).double(m.gpuUtilPercent);
                if (m.gpuMemBytes != null && $Object.hasOwnProperty.call(m, "gpuMemBytes"))
                    w.uint32(88).uint64(m.gpuMemBytes);
                if (m.loopLagP99Ms != null && $Object.hasOwnProperty.call(m, "loopLagP99Ms"))
                    w.uint32(97).double(m.loopLagP99Ms);
                if (m.cpuUserMs != null && $Object.hasOwnProperty.call(m, "cpuUserMs"))
                    w.uint32(105).double(m.cpuUserMs);
                if (m.cpuSystemMs != null && $Object.hasOwnProperty.call(m, "cpuSystemMs"))
                    w.uint32(113).double(m.cpuSystemMs);
                if (m.pssBytes != null && $Object.hasOwnProperty.call(m, "pssBytes"))
                    w.uint32(120).uint64(m.pssBytes);
                if (m.vmsBytes != null && $Object.hasOwnProperty.call(m, "vmsBytes"))
                    w.uint32(128).uint64(m.vmsBytes);
                if (m.ioReadBytes != null && $Object.hasOwnProperty.call(m, "ioReadBytes"))
                    w.uint32(136).uint64(m.ioReadBytes);
                if (m.ioWriteBytes != null && $Object.hasOwnProperty.call(m, "ioWriteBytes"))
                    w.uint32(144).uint64(m.ioWriteBytes);
                if (m.ctxSwitchesVoluntary != null && $Object.hasOwnProperty.call(m, "ctxSwitchesVoluntary"))
                    w.uint32(152).uint64(m.ctxSwitchesVoluntary);
                if (m.ctxSwitchesInvoluntary != null && $Object.hasOwnProperty.call(m, "ctxSwitchesInvoluntary"))
                    w.uint32(160).uint64(m.ctxSwitchesInvoluntary);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(170).string(m.state);
                if (m.loopLagP50Ms != null && $Object.hasOwnProperty.call(m, "loopLagP50Ms"))
                    w.uint32(177).double(m.loopLagP50Ms);
                if (m.loopLagMaxMs != null && $Object.hasOwnProperty.call(m, "loopLagMaxMs"))
                    w.uint32(185).double(m.loopLagMaxMs);
                if (m.loopUtilization != null && $Object.hasOwnProperty.call(m, "loopUtilization"))
                    w.uint32(193).double(m.loopUtilization);
                if (m.ppid != null && $Object.hasOwnProperty.call(m, "ppid") && m.ppid !== 0)
                    w.uint32(200).uint32(m.ppid);
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command !== "")
                    w.uint32(210).string(m.command);
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        $root.runbus.v1.FigureError.encode(m.errors[i], w.uint32(218).fork(), q + 1).ldelim();
                }
                if (m.heapUsedBytes != null && $Object.hasOwnProperty.call(m, "heapUsedBytes"))
                    w.uint32(224).uint64(m.heapUsedBytes);
                if (m.heapTotalBytes != null && $Object.hasOwnProperty.call(m, "heapTotalBytes"))
                    w.uint32(232).uint64(m.heapTotalBytes);
                if (m.externalBytes != null && $Object.hasOwnProperty.call(m, "externalBytes"))
                    w.uint32(240).uint64(m.externalBytes);
                if (m.arrayBuffersBytes != null && $Object.hasOwnProperty.call(m, "arrayBuffersBytes"))
                    w.uint32(248).uint64(m.arrayBuffersBytes);
                if (m.gcMinorMs != null && $Object.hasOwnProperty.call(m, "gcMinorMs"))
                    w.uint32(257).double(m.gcMinorMs);
                if (m.gcMajorMs != null && $Object.hasOwnProperty.call(m, "gcMajorMs"))
                    w.uint32(265).double(m.gcMajorMs);
                if (m.gcIncrementalMs != null && $Object.hasOwnProperty.call(m, "gcIncrementalMs"))
                    w.uint32(273).double(m.gcIncrementalMs);
                if (m.gcWeakcbMs != null && $Object.hasOwnProperty.call(m, "gcWeakcbMs"))
                    w.uint32(281).double(m.gcWeakcbMs);
                if (m.activeResources != null && $Object.hasOwnProperty.call(m, "activeResources"))
                    w.uint32(288).uint32(m.activeResources);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ResourceSnapshot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            ResourceSnapshot.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.ResourceSnapshot();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            m.cpuPercent = r.double();
                            m._cpuPercent = "cpuPercent";
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            m.rssBytes = r.uint64();
                            m._rssBytes = "rssBytes";
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            m.ussBytes = r.uint64();
                            m._ussBytes = "ussBytes";
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            m.threads = r.uint32();
                            m._threads = "threads";
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            m.openFds = r.uint32();
                            m._openFds = "openFds";
                            continue;
                        }
                    case 10: {
                            if (u !== 1)
                                break;
                            m.gpuUtilPercent = r.double();
                            m._gpuUtilPercent = "gpuUtilPercent";
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            m.gpuMemBytes = r.uint64();
                            m._gpuMemBytes = "gpuMemBytes";
                            continue;
                        }
                    case 12: {
                            if (u !== 1)
                                break;
                            m.loopLagP99Ms = r.double();
                            m._loopLagP99Ms = "loopLagP99Ms";
                            continue;
                        }
                    case 13: {
                            if (u !== 1)
                                break;
                            m.cpuUserMs = r.double();
                            m._cpuUserMs = "cpuUserMs";
                            continue;
                        }
                    case 14: {
                            if (u !== 1)
                                break;
                            m.cpuSystemMs = r.double();
                            m._cpuSystemMs = "cpuSystemMs";
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            m.pssBytes = r.uint64();
                            m._pssBytes = "pssBytes";
                            continue;
                        }
                    case 16: {
                            if (u !== 0)
                                break;
                            m.vmsBytes = r.uint64();
                            m._vmsBytes = "vmsBytes";
                            continue;
                        }
                    case 17: {
                            if (u !== 0)
                                break;
                            m.ioReadBytes = r.uint64();
                            m._ioReadBytes = "ioReadBytes";
                            continue;
                        }
                    case 18: {
                            if (u !== 0)
                                break;
                            m.ioWriteBytes = r.uint64();
                            m._ioWriteBytes = "ioWriteBytes";
                            continue;
                        }
                    case 19: {
                            if (u !== 0)
                                break;
                            m.ctxSwitchesVoluntary = r.uint64();
                            m._ctxSwitchesVoluntary = "ctxSwitchesVoluntary";
                            continue;
                        }
                    case 20: {
                            if (u !== 0)
                                break;
                            m.ctxSwitchesInvoluntary = r.uint64();
                            m._ctxSwitchesInvoluntary = "ctxSwitchesInvoluntary";
                            continue;
                        }
                    case 21: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 22: {
                            if (u !== 1)
                                break;
                            m.loopLagP50Ms = r.double();
                            m._loopLagP50Ms = "loopLagP50Ms";
                            continue;
                        }
                    case 23: {
                            if (u !== 1)
                                break;
                            m.loopLagMaxMs = r.double();
                            m._loopLagMaxMs = "loopLagMaxMs";
                            continue;
                        }
                    case 24: {
                            if (u !== 1)
                                break;
                            m.loopUtilization = r.double();
                            m._loopUtilization = "loopUtilization";
                            continue;
                        }
                    case 25: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.ppid = v;
                            else
                                delete m.ppid;
                            continue;
                        }
                    case 26: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.command = v;
                            else
                                delete m.command;
                            continue;
                        }
                    case 27: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push($root.runbus.v1.FigureError.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 28: {
                            if (u !== 0)
                                break;
                            m.heapUsedBytes = r.uint64();
                            m._heapUsedBytes = "heapUsedBytes";
                            continue;
                        }
                    case 29: {
                            if (u !== 0)
                                break;
                            m.heapTotalBytes = r.uint64();
                            m._heapTotalBytes = "heapTotalBytes";
                            continue;
                        }
                    case 30: {
                            if (u !== 0)
                                break;
                            m.externalBytes = r.uint64();
                            m._externalBytes = "externalBytes";
                            continue;
                        }
                    case 31: {
                            if (u !== 0)
                                break;
                            m.arrayBuffersBytes = r.uint64();
                            m._arrayBuffersBytes = "arrayBuffersBytes";
                            continue;
                        }
                    case 32: {
                            if (u !== 1)
                                break;
                            m.gcMinorMs = r.double();
                            m._gcMinorMs = "gcMinorMs";
                            continue;
                        }
                    case 33: {
                            if (u !== 1)
                                break;
                            m.gcMajorMs = r.double();
                            m._gcMajorMs = "gcMajorMs";
                            continue;
                        }
                    case 34: {
                            if (u !== 1)
                                break;
                            m.gcIncrementalMs = r.double();
                            m._gcIncrementalMs = "gcIncrementalMs";
                            continue;
                        }
                    case 35: {
                            if (u !== 1)
                                break;
                            m.gcWeakcbMs = r.double();
                            m._gcWeakcbMs = "gcWeakcbMs";
                            continue;
                        }
                    case 36: {
                            if (u !== 0)
                                break;
                            m.activeResources = r.uint32();
                            m._activeResources = "activeResources";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ResourceSnapshot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            ResourceSnapshot.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent")) {
                    p._cpuPercent = 1;
                    if (typeof m.cpuPercent !== "number")
                        return "cpuPercent: number expected";
                }
                if (m.rssBytes != null && $Object.hasOwnProperty.call(m, "rssBytes")) {
                    p._rssBytes = 1;
                    if (!$util.isInteger(m.rssBytes) && !(m.rssBytes && $util.isInteger(m.rssBytes.low) && $util.isInteger(m.rssBytes.high)))
                        return "rssBytes: integer|Long expected";
                }
                if (m.ussBytes != null && $Object.hasOwnProperty.call(m, "ussBytes")) {
                    p._ussBytes = 1;
                    if (!$util.isInteger(m.ussBytes) && !(m.ussBytes && $util.isInteger(m.ussBytes.low) && $util.isInteger(m.ussBytes.high)))
                        return "ussBytes: integer|Long expected";
                }
                if (m.threads != null && $Object.hasOwnProperty.call(m, "threads")) {
                    p._threads = 1;
                    if (!$util.isInteger(m.threads))
                        return "threads: integer expected";
                }
                if (m.openFds != null && $Object.hasOwnProperty.call(m, "openFds")) {
                    p._openFds = 1;
                    if (!$util.isInteger(m.openFds))
                        return "openFds: integer expected";
                }
                if (m.gpuUtilPercent != null && $Object.hasOwnProperty.call(m, "gpuUtilPercent")) {
                    p._gpuUtilPercent = 1;
                    if (typeof m.gpuUtilPercent !== "number")
                        return "gpuUtilPercent: number expected";
                }
                if (m.gpuMemBytes != null && $Object.hasOwnProperty.call(m, "gpuMemBytes")) {
                    p._gpuMemBytes = 1;
                    if (!$util.isInteger(m.gpuMemBytes) && !(m.gpuMemBytes && $util.isInteger(m.gpuMemBytes.low) && $util.isInteger(m.gpuMemBytes.high)))
                        return "gpuMemBytes: integer|Long expected";
                }
                if (m.loopLagP99Ms != null && $Object.hasOwnProperty.call(m, "loopLagP99Ms")) {
                    p._loopLagP99Ms = 1;
                    if (typeof m.loopLagP99Ms !== "number")
                        return "loopLagP99Ms: number expected";
                }
                if (m.cpuUserMs != null && $Object.hasOwnProperty.call(m, "cpuUserMs")) {
                    p._cpuUserMs = 1;
                    if (typeof m.cpuUserMs !== "number")
                        return "cpuUserMs: number expected";
                }
                if (m.cpuSystemMs != null && $Object.hasOwnProperty.call(m, "cpuSystemMs")) {
                    p._cpuSystemMs = 1;
                    if (typeof m.cpuSystemMs !== "number")
                        return "cpuSystemMs: number expected";
                }
                if (m.pssBytes != null && $Object.hasOwnProperty.call(m, "pssBytes")) {
                    p._pssBytes = 1;
                    if (!$util.isInteger(m.pssBytes) && !(m.pssBytes && $util.isInteger(m.pssBytes.low) && $util.isInteger(m.pssBytes.high)))
                        return "pssBytes: integer|Long expected";
                }
                if (m.vmsBytes != null && $Object.hasOwnProperty.call(m, "vmsBytes")) {
                    p._vmsBytes = 1;
                    if (!$util.isInteger(m.vmsBytes) && !(m.vmsBytes && $util.isInteger(m.vmsBytes.low) && $util.isInteger(m.vmsBytes.high)))
                        return "vmsBytes: integer|Long expected";
                }
                if (m.ioReadBytes != null && $Object.hasOwnProperty.call(m, "ioReadBytes")) {
                    p._ioReadBytes = 1;
                    if (!$util.isInteger(m.ioReadBytes) && !(m.ioReadBytes && $util.isInteger(m.ioReadBytes.low) && $util.isInteger(m.ioReadBytes.high)))
                        return "ioReadBytes: integer|Long expected";
                }
                if (m.ioWriteBytes != null && $Object.hasOwnProperty.call(m, "ioWriteBytes")) {
                    p._ioWriteBytes = 1;
                    if (!$util.isInteger(m.ioWriteBytes) && !(m.ioWriteBytes && $util.isInteger(m.ioWriteBytes.low) && $util.isInteger(m.ioWriteBytes.high)))
                        return "ioWriteBytes: integer|Long expected";
                }
                if (m.ctxSwitchesVoluntary != null && $Object.hasOwnProperty.call(m, "ctxSwitchesVoluntary")) {
                    p._ctxSwitchesVoluntary = 1;
                    if (!$util.isInteger(m.ctxSwitchesVoluntary) && !(m.ctxSwitchesVoluntary && $util.isInteger(m.ctxSwitchesVoluntary.low) && $util.isInteger(m.ctxSwitchesVoluntary.high)))
                        return "ctxSwitchesVoluntary: integer|Long expected";
                }
                if (m.ctxSwitchesInvoluntary != null && $Object.hasOwnProperty.call(m, "ctxSwitchesInvoluntary")) {
                    p._ctxSwitchesInvoluntary = 1;
                    if (!$util.isInteger(m.ctxSwitchesInvoluntary) && !(m.ctxSwitchesInvoluntary && $util.isInteger(m.ctxSwitchesInvoluntary.low) && $util.isInteger(m.ctxSwitchesInvoluntary.high)))
                        return "ctxSwitchesInvoluntary: integer|Long expected";
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    if (!$util.isString(m.state))
                        return "state: string expected";
                }
                if (m.loopLagP50Ms != null && $Object.hasOwnProperty.call(m, "loopLagP50Ms")) {
                    p._loopLagP50Ms = 1;
                    if (typeof m.loopLagP50Ms !== "number")
                        return "loopLagP50Ms: number expected";
                }
                if (m.loopLagMaxMs != null && $Object.hasOwnProperty.call(m, "loopLagMaxMs")) {
                    p._loopLagMaxMs = 1;
                    if (typeof m.loopLagMaxMs !== "number")
                        return "loopLagMaxMs: number expected";
                }
                if (m.loopUtilization != null && $Object.hasOwnProperty.call(m, "loopUtilization")) {
                    p._loopUtilization = 1;
                    if (typeof m.loopUtilization !== "number")
                        return "loopUtilization: number expected";
                }
                if (m.ppid != null && $Object.hasOwnProperty.call(m, "ppid")) {
                    if (!$util.isInteger(m.ppid))
                        return "ppid: integer expected";
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    if (!$util.isString(m.command))
                        return "command: string expected";
                }
                if (m.errors != null && $Object.hasOwnProperty.call(m, "errors")) {
                    if (!$Array.isArray(m.errors))
                        return "errors: array expected";
                    for (var i = 0; i < m.errors.length; ++i) {
                        {
                            var e = $root.runbus.v1.FigureError.verify(m.errors[i], q + 1);
                            if (e)
                                return "errors." + e;
                        }
                    }
                }
                if (m.heapUsedBytes != null && $Object.hasOwnProperty.call(m, "heapUsedBytes")) {
                    p._heapUsedBytes = 1;
                    if (!$util.isInteger(m.heapUsedBytes) && !(m.heapUsedBytes && $util.isInteger(m.heapUsedBytes.low) && $util.isInteger(m.heapUsedBytes.high)))
                        return "heapUsedBytes: integer|Long expected";
                }
                if (m.heapTotalBytes != null && $Object.hasOwnProperty.call(m, "heapTotalBytes")) {
                    p._heapTotalBytes = 1;
                    if (!$util.isInteger(m.heapTotalBytes) && !(m.heapTotalBytes && $util.isInteger(m.heapTotalBytes.low) && $util.isInteger(m.heapTotalBytes.high)))
                        return "heapTotalBytes: integer|Long expected";
                }
                if (m.externalBytes != null && $Object.hasOwnProperty.call(m, "externalBytes")) {
                    p._externalBytes = 1;
                    if (!$util.isInteger(m.externalBytes) && !(m.externalBytes && $util.isInteger(m.externalBytes.low) && $util.isInteger(m.externalBytes.high)))
                        return "externalBytes: integer|Long expected";
                }
                if (m.arrayBuffersBytes != null && $Object.hasOwnProperty.call(m, "arrayBuffersBytes")) {
                    p._arrayBuffersBytes = 1;
                    if (!$util.isInteger(m.arrayBuffersBytes) && !(m.arrayBuffersBytes && $util.isInteger(m.arrayBuffersBytes.low) && $util.isInteger(m.arrayBuffersBytes.high)))
                        return "arrayBuffersBytes: integer|Long expected";
                }
                if (m.gcMinorMs != null && $Object.hasOwnProperty.call(m, "gcMinorMs")) {
                    p._gcMinorMs = 1;
                    if (typeof m.gcMinorMs !== "number")
                        return "gcMinorMs: number expected";
                }
                if (m.gcMajorMs != null && $Object.hasOwnProperty.call(m, "gcMajorMs")) {
                    p._gcMajorMs = 1;
                    if (typeof m.gcMajorMs !== "number")
                        return "gcMajorMs: number expected";
                }
                if (m.gcIncrementalMs != null && $Object.hasOwnProperty.call(m, "gcIncrementalMs")) {
                    p._gcIncrementalMs = 1;
                    if (typeof m.gcIncrementalMs !== "number")
                        return "gcIncrementalMs: number expected";
                }
                if (m.gcWeakcbMs != null && $Object.hasOwnProperty.call(m, "gcWeakcbMs")) {
                    p._gcWeakcbMs = 1;
                    if (typeof m.gcWeakcbMs !== "number")
                        return "gcWeakcbMs: number expected";
                }
                if (m.activeResources != null && $Object.hasOwnProperty.call(m, "activeResources")) {
                    p._activeResources = 1;
                    if (!$util.isInteger(m.activeResources))
                        return "activeResources: integer expected";
                }
                return null;
            };

            ResourceSnapshot.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.ResourceSnapshot)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.ResourceSnapshot: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.ResourceSnapshot();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.cpuPercent != null) {
                    m.cpuPercent = $Number(d.cpuPercent);
                }
                if (d.rssBytes != null) {
                    if ($util.Long)
                        m.rssBytes = $util.Long.fromValue(d.rssBytes, true);
                    else if (typeof d.rssBytes === "string")
                        m.rssBytes = $parseInt(d.rssBytes, 10);
                    else if (typeof d.rssBytes === "number")
                        m.rssBytes = d.rssBytes;
                    else if (typeof d.rssBytes === "object")
                        m.rssBytes = new $util.LongBits(d.rssBytes.low >>> 0, d.rssBytes.high >>> 0).toNumber(true);
                }
                if (d.ussBytes != null) {
                    if ($util.Long)
                        m.ussBytes = $util.Long.fromValue(d.ussBytes, true);
                    else if (typeof d.ussBytes === "string")
                        m.ussBytes = $parseInt(d.ussBytes, 10);
                    else if (typeof d.ussBytes === "number")
                        m.ussBytes = d.ussBytes;
                    else if (typeof d.ussBytes === "object")
                        m.ussBytes = new $util.LongBits(d.ussBytes.low >>> 0, d.ussBytes.high >>> 0).toNumber(true);
                }
                if (d.threads != null) {
                    m.threads = d.threads >>> 0;
                }
                if (d.openFds != null) {
                    m.openFds = d.openFds >>> 0;
                }
                if (d.gpuUtilPercent != null) {
                    m.gpuUtilPercent = $Number(d.gpuUtilPercent);
                }
                if (d.gpuMemBytes != null) {
                    if ($util.Long)
                        m.gpuMemBytes = $util.Long.fromValue(d.gpuMemBytes, true);
                    else if (typeof d.gpuMemBytes === "string")
                        m.gpuMemBytes = $parseInt(d.gpuMemBytes, 10);
                    else if (typeof d.gpuMemBytes === "number")
                        m.gpuMemBytes = d.gpuMemBytes;
                    else if (typeof d.gpuMemBytes === "object")
                        m.gpuMemBytes = new $util.LongBits(d.gpuMemBytes.low >>> 0, d.gpuMemBytes.high >>> 0).toNumber(true);
                }
                if (d.loopLagP99Ms != null) {
                    m.loopLagP99Ms = $Number(d.loopLagP99Ms);
                }
                if (d.cpuUserMs != null) {
                    m.cpuUserMs = $Number(d.cpuUserMs);
                }
                if (d.cpuSystemMs != null) {
                    m.cpuSystemMs = $Number(d.cpuSystemMs);
                }
                if (d.pssBytes != null) {
                    if ($util.Long)
                        m.pssBytes = $util.Long.fromValue(d.pssBytes, true);
                    else if (typeof d.pssBytes === "string")
                        m.pssBytes = $parseInt(d.pssBytes, 10);
                    else if (typeof d.pssBytes === "number")
                        m.pssBytes = d.pssBytes;
                    else if (typeof d.pssBytes === "object")
                        m.pssBytes = new $util.LongBits(d.pssBytes.low >>> 0, d.pssBytes.high >>> 0).toNumber(true);
                }
                if (d.vmsBytes != null) {
                    if ($util.Long)
                        m.vmsBytes = $util.Long.fromValue(d.vmsBytes, true);
                    else if (typeof d.vmsBytes === "string")
                        m.vmsBytes = $parseInt(d.vmsBytes, 10);
                    else if (typeof d.vmsBytes === "number")
                        m.vmsBytes = d.vmsBytes;
                    else if (typeof d.vmsBytes === "object")
                        m.vmsBytes = new $util.LongBits(d.vmsBytes.low >>> 0, d.vmsBytes.high >>> 0).toNumber(true);
                }
                if (d.ioReadBytes != null) {
                    if ($util.Long)
                        m.ioReadBytes = $util.Long.fromValue(d.ioReadBytes, true);
                    else if (typeof d.ioReadBytes === "string")
                        m.ioReadBytes = $parseInt(d.ioReadBytes, 10);
                    else if (typeof d.ioReadBytes === "number")
                        m.ioReadBytes = d.ioReadBytes;
                    else if (typeof d.ioReadBytes === "object")
                        m.ioReadBytes = new $util.LongBits(d.ioReadBytes.low >>> 0, d.ioReadBytes.high >>> 0).toNumber(true);
                }
                if (d.ioWriteBytes != null) {
                    if ($util.Long)
                        m.ioWriteBytes = $util.Long.fromValue(d.ioWriteBytes, true);
                    else if (typeof d.ioWriteBytes === "string")
                        m.ioWriteBytes = $parseInt(d.ioWriteBytes, 10);
                    else if (typeof d.ioWriteBytes === "number")
                        m.ioWriteBytes = d.ioWriteBytes;
                    else if (typeof d.ioWriteBytes === "object")
                        m.ioWriteBytes = new $util.LongBits(d.ioWriteBytes.low >>> 0, d.ioWriteBytes.high >>> 0).toNumber(true);
                }
                if (d.ctxSwitchesVoluntary != null) {
                    if ($util.Long)
                        m.ctxSwitchesVoluntary = $util.Long.fromValue(d.ctxSwitchesVoluntary, true);
                    else if (typeof d.ctxSwitchesVoluntary === "string")
                        m.ctxSwitchesVoluntary = $parseInt(d.ctxSwitchesVoluntary, 10);
                    else if (typeof d.ctxSwitchesVoluntary === "number")
                        m.ctxSwitchesVoluntary = d.ctxSwitchesVoluntary;
                    else if (typeof d.ctxSwitchesVoluntary === "object")
                        m.ctxSwitchesVoluntary = new $util.LongBits(d.ctxSwitchesVoluntary.low >>> 0, d.ctxSwitchesVoluntary.high >>> 0).toNumber(true);
                }
                if (d.ctxSwitchesInvoluntary != null) {
                    if ($util.Long)
                        m.ctxSwitchesInvoluntary = $util.Long.fromValue(d.ctxSwitchesInvoluntary, true);
                    else if (typeof d.ctxSwitchesInvoluntary === "string")
                        m.ctxSwitchesInvoluntary = $parseInt(d.ctxSwitchesInvoluntary, 10);
                    else if (typeof d.ctxSwitchesInvoluntary === "number")
                        m.ctxSwitchesInvoluntary = d.ctxSwitchesInvoluntary;
                    else if (typeof d.ctxSwitchesInvoluntary === "object")
                        m.ctxSwitchesInvoluntary = new $util.LongBits(d.ctxSwitchesInvoluntary.low >>> 0, d.ctxSwitchesInvoluntary.high >>> 0).toNumber(true);
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.loopLagP50Ms != null) {
                    m.loopLagP50Ms = $Number(d.loopLagP50Ms);
                }
                if (d.loopLagMaxMs != null) {
                    m.loopLagMaxMs = $Number(d.loopLagMaxMs);
                }
                if (d.loopUtilization != null) {
                    m.loopUtilization = $Number(d.loopUtilization);
                }
                if (d.ppid != null) {
                    if ($Number(d.ppid) !== 0) {
                        m.ppid = d.ppid >>> 0;
                    }
                }
                if (d.command != null) {
                    if (typeof d.command !== "string" || d.command.length) {
                        m.command = $String(d.command);
                    }
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".runbus.v1.ResourceSnapshot.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        if (!$util.isObject(d.errors[i]))
                            throw $TypeError(".runbus.v1.ResourceSnapshot.errors: object expected");
                        m.errors[i] = $root.runbus.v1.FigureError.fromObject(d.errors[i], q + 1);
                    }
                }
                if (d.heapUsedBytes != null) {
                    if ($util.Long)
                        m.heapUsedBytes = $util.Long.fromValue(d.heapUsedBytes, true);
                    else if (typeof d.heapUsedBytes === "string")
                        m.heapUsedBytes = $parseInt(d.heapUsedBytes, 10);
                    else if (typeof d.heapUsedBytes === "number")
                        m.heapUsedBytes = d.heapUsedBytes;
                    else if (typeof d.heapUsedBytes === "object")
                        m.heapUsedBytes = new $util.LongBits(d.heapUsedBytes.low >>> 0, d.heapUsedBytes.high >>> 0).toNumber(true);
                }
                if (d.heapTotalBytes != null) {
                    if ($util.Long)
                        m.heapTotalBytes = $util.Long.fromValue(d.heapTotalBytes, true);
                    else if (typeof d.heapTotalBytes === "string")
                        m.heapTotalBytes = $parseInt(d.heapTotalBytes, 10);
                    else if (typeof d.heapTotalBytes === "number")
                        m.heapTotalBytes = d.heapTotalBytes;
                    else if (typeof d.heapTotalBytes === "object")
                        m.heapTotalBytes = new $util.LongBits(d.heapTotalBytes.low >>> 0, d.heapTotalBytes.high >>> 0).toNumber(true);
                }
                if (d.externalBytes != null) {
                    if ($util.Long)
                        m.externalBytes = $util.Long.fromValue(d.externalBytes, true);
                    else if (typeof d.externalBytes === "string")
                        m.externalBytes = $parseInt(d.externalBytes, 10);
                    else if (typeof d.externalBytes === "number")
                        m.externalBytes = d.externalBytes;
                    else if (typeof d.externalBytes === "object")
                        m.externalBytes = new $util.LongBits(d.externalBytes.low >>> 0, d.externalBytes.high >>> 0).toNumber(true);
                }
                if (d.arrayBuffersBytes != null) {
                    if ($util.Long)
                        m.arrayBuffersBytes = $util.Long.fromValue(d.arrayBuffersBytes, true);
                    else if (typeof d.arrayBuffersBytes === "string")
                        m.arrayBuffersBytes = $parseInt(d.arrayBuffersBytes, 10);
                    else if (typeof d.arrayBuffersBytes === "number")
                        m.arrayBuffersBytes = d.arrayBuffersBytes;
                    else if (typeof d.arrayBuffersBytes === "object")
                        m.arrayBuffersBytes = new $util.LongBits(d.arrayBuffersBytes.low >>> 0, d.arrayBuffersBytes.high >>> 0).toNumber(true);
                }
                if (d.gcMinorMs != null) {
                    m.gcMinorMs = $Number(d.gcMinorMs);
                }
                if (d.gcMajorMs != null) {
                    m.gcMajorMs = $Number(d.gcMajorMs);
                }
                if (d.gcIncrementalMs != null) {
                    m.gcIncrementalMs = $Number(d.gcIncrementalMs);
                }
                if (d.gcWeakcbMs != null) {
                    m.gcWeakcbMs = $Number(d.gcWeakcbMs);
                }
                if (d.activeResources != null) {
                    m.activeResources = d.activeResources >>> 0;
                }
                return m;
            };

            ResourceSnapshot.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.errors = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.component = "";
                    d.pid = 0;
                    d.state = "";
                    d.ppid = 0;
                    d.command = "";
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent")) {
                    d.cpuPercent = o.json && !$isFinite(m.cpuPercent) ? $String(m.cpuPercent) : m.cpuPercent;
                }
                if (m.rssBytes != null && $Object.hasOwnProperty.call(m, "rssBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rssBytes = typeof m.rssBytes === "number" ? $BigInt(m.rssBytes) : $util.Long.fromBits(m.rssBytes.low >>> 0, m.rssBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.rssBytes === "number")
                        d.rssBytes = o.longs === $String ? $String(m.rssBytes) : m.rssBytes;
                    else
                        d.rssBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.rssBytes) : o.longs === $Number ? new $util.LongBits(m.rssBytes.low >>> 0, m.rssBytes.high >>> 0).toNumber(true) : m.rssBytes;
                }
                if (m.ussBytes != null && $Object.hasOwnProperty.call(m, "ussBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ussBytes = typeof m.ussBytes === "number" ? $BigInt(m.ussBytes) : $util.Long.fromBits(m.ussBytes.low >>> 0, m.ussBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.ussBytes === "number")
                        d.ussBytes = o.longs === $String ? $String(m.ussBytes) : m.ussBytes;
                    else
                        d.ussBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.ussBytes) : o.longs === $Number ? new $util.LongBits(m.ussBytes.low >>> 0, m.ussBytes.high >>> 0).toNumber(true) : m.ussBytes;
                }
                if (m.threads != null && $Object.hasOwnProperty.call(m, "threads")) {
                    d.threads = m.threads;
                }
                if (m.openFds != null && $Object.hasOwnProperty.call(m, "openFds")) {
                    d.openFds = m.openFds;
                }
                if (m.gpuUtilPercent != null && $Object.hasOwnProperty.call(m, "gpuUtilPercent")) {
                    d.gpuUtilPercent = o.json && !$isFinite(m.gpuUtilPercent) ? $String(m.gpuUtilPercent) : m.gpuUtilPercent;
                }
                if (m.gpuMemBytes != null && $Object.hasOwnProperty.call(m, "gpuMemBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.gpuMemBytes = typeof m.gpuMemBytes === "number" ? $BigInt(m.gpuMemBytes) : $util.Long.fromBits(m.gpuMemBytes.low >>> 0, m.gpuMemBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.gpuMemBytes === "number")
                        d.gpuMemBytes = o.longs === $String ? $String(m.gpuMemBytes) : m.gpuMemBytes;
                    else
                        d.gpuMemBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.gpuMemBytes) : o.longs === $Number ? new $util.LongBits(m.gpuMemBytes.low >>> 0, m.gpuMemBytes.high >>> 0).toNumber(true) : m.gpuMemBytes;
                }
                if (m.loopLagP99Ms != null && $Object.hasOwnProperty.call(m, "loopLagP99Ms")) {
                    d.loopLagP99Ms = o.json && !$isFinite(m.loopLagP99Ms) ? $String(m.loopLagP99Ms) : m.loopLagP99Ms;
                }
                if (m.cpuUserMs != null && $Object.hasOwnProperty.call(m, "cpuUserMs")) {
                    d.cpuUserMs = o.json && !$isFinite(m.cpuUserMs) ? $String(m.cpuUserMs) : m.cpuUserMs;
                }
                if (m.cpuSystemMs != null && $Object.hasOwnProperty.call(m, "cpuSystemMs")) {
                    d.cpuSystemMs = o.json && !$isFinite(m.cpuSystemMs) ? $String(m.cpuSystemMs) : m.cpuSystemMs;
                }
                if (m.pssBytes != null && $Object.hasOwnProperty.call(m, "pssBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.pssBytes = typeof m.pssBytes === "number" ? $BigInt(m.pssBytes) : $util.Long.fromBits(m.pssBytes.low >>> 0, m.pssBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.pssBytes === "number")
                        d.pssBytes = o.longs === $String ? $String(m.pssBytes) : m.pssBytes;
                    else
                        d.pssBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.pssBytes) : o.longs === $Number ? new $util.LongBits(m.pssBytes.low >>> 0, m.pssBytes.high >>> 0).toNumber(true) : m.pssBytes;
                }
                if (m.vmsBytes != null && $Object.hasOwnProperty.call(m, "vmsBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.vmsBytes = typeof m.vmsBytes === "number" ? $BigInt(m.vmsBytes) : $util.Long.fromBits(m.vmsBytes.low >>> 0, m.vmsBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.vmsBytes === "number")
                        d.vmsBytes = o.longs === $String ? $String(m.vmsBytes) : m.vmsBytes;
                    else
                        d.vmsBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.vmsBytes) : o.longs === $Number ? new $util.LongBits(m.vmsBytes.low >>> 0, m.vmsBytes.high >>> 0).toNumber(true) : m.vmsBytes;
                }
                if (m.ioReadBytes != null && $Object.hasOwnProperty.call(m, "ioReadBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ioReadBytes = typeof m.ioReadBytes === "number" ? $BigInt(m.ioReadBytes) : $util.Long.fromBits(m.ioReadBytes.low >>> 0, m.ioReadBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.ioReadBytes === "number")
                        d.ioReadBytes = o.longs === $String ? $String(m.ioReadBytes) : m.ioReadBytes;
                    else
                        d.ioReadBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.ioReadBytes) : o.longs === $Number ? new $util.LongBits(m.ioReadBytes.low >>> 0, m.ioReadBytes.high >>> 0).toNumber(true) : m.ioReadBytes;
                }
                if (m.ioWriteBytes != null && $Object.hasOwnProperty.call(m, "ioWriteBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ioWriteBytes = typeof m.ioWriteBytes === "number" ? $BigInt(m.ioWriteBytes) : $util.Long.fromBits(m.ioWriteBytes.low >>> 0, m.ioWriteBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.ioWriteBytes === "number")
                        d.ioWriteBytes = o.longs === $String ? $String(m.ioWriteBytes) : m.ioWriteBytes;
                    else
                        d.ioWriteBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.ioWriteBytes) : o.longs === $Number ? new $util.LongBits(m.ioWriteBytes.low >>> 0, m.ioWriteBytes.high >>> 0).toNumber(true) : m.ioWriteBytes;
                }
                if (m.ctxSwitchesVoluntary != null && $Object.hasOwnProperty.call(m, "ctxSwitchesVoluntary")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ctxSwitchesVoluntary = typeof m.ctxSwitchesVoluntary === "number" ? $BigInt(m.ctxSwitchesVoluntary) : $util.Long.fromBits(m.ctxSwitchesVoluntary.low >>> 0, m.ctxSwitchesVoluntary.high >>> 0, true).toBigInt();
                    else if (typeof m.ctxSwitchesVoluntary === "number")
                        d.ctxSwitchesVoluntary = o.longs === $String ? $String(m.ctxSwitchesVoluntary) : m.ctxSwitchesVoluntary;
                    else
                        d.ctxSwitchesVoluntary = o.longs === $String ? $util.Long.prototype.toString.call(m.ctxSwitchesVoluntary) : o.longs === $Number ? new $util.LongBits(m.ctxSwitchesVoluntary.low >>> 0, m.ctxSwitchesVoluntary.high >>> 0).toNumber(true) : m.ctxSwitchesVoluntary;
                }
                if (m.ctxSwitchesInvoluntary != null && $Object.hasOwnProperty.call(m, "ctxSwitchesInvoluntary")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ctxSwitchesInvoluntary = typeof m.ctxSwitchesInvoluntary === "number" ? $BigInt(m.ctxSwitchesInvoluntary) : $util.Long.fromBits(m.ctxSwitchesInvoluntary.low >>> 0, m.ctxSwitchesInvoluntary.high >>> 0, true).toBigInt();
                    else if (typeof m.ctxSwitchesInvoluntary === "number")
                        d.ctxSwitchesInvoluntary = o.longs === $String ? $String(m.ctxSwitchesInvoluntary) : m.ctxSwitchesInvoluntary;
                    else
                        d.ctxSwitchesInvoluntary = o.longs === $String ? $util.Long.prototype.toString.call(m.ctxSwitchesInvoluntary) : o.longs === $Number ? new $util.LongBits(m.ctxSwitchesInvoluntary.low >>> 0, m.ctxSwitchesInvoluntary.high >>> 0).toNumber(true) : m.ctxSwitchesInvoluntary;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.loopLagP50Ms != null && $Object.hasOwnProperty.call(m, "loopLagP50Ms")) {
                    d.loopLagP50Ms = o.json && !$isFinite(m.loopLagP50Ms) ? $String(m.loopLagP50Ms) : m.loopLagP50Ms;
                }
                if (m.loopLagMaxMs != null && $Object.hasOwnProperty.call(m, "loopLagMaxMs")) {
                    d.loopLagMaxMs = o.json && !$isFinite(m.loopLagMaxMs) ? $String(m.loopLagMaxMs) : m.loopLagMaxMs;
                }
                if (m.loopUtilization != null && $Object.hasOwnProperty.call(m, "loopUtilization")) {
                    d.loopUtilization = o.json && !$isFinite(m.loopUtilization) ? $String(m.loopUtilization) : m.loopUtilization;
                }
                if (m.ppid != null && $Object.hasOwnProperty.call(m, "ppid")) {
                    d.ppid = m.ppid;
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = m.command;
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = $root.runbus.v1.FigureError.toObject(m.errors[j], o, q + 1);
                    }
                }
                if (m.heapUsedBytes != null && $Object.hasOwnProperty.call(m, "heapUsedBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.heapUsedBytes = typeof m.heapUsedBytes === "number" ? $BigInt(m.heapUsedBytes) : $util.Long.fromBits(m.heapUsedBytes.low >>> 0, m.heapUsedBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.heapUsedBytes === "number")
                        d.heapUsedBytes = o.longs === $String ? $String(m.heapUsedBytes) : m.heapUsedBytes;
                    else
                        d.heapUsedBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.heapUsedBytes) : o.longs === $Number ? new $util.LongBits(m.heapUsedBytes.low >>> 0, m.heapUsedBytes.high >>> 0).toNumber(true) : m.heapUsedBytes;
                }
                if (m.heapTotalBytes != null && $Object.hasOwnProperty.call(m, "heapTotalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.heapTotalBytes = typeof m.heapTotalBytes === "number" ? $BigInt(m.heapTotalBytes) : $util.Long.fromBits(m.heapTotalBytes.low >>> 0, m.heapTotalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.heapTotalBytes === "number")
                        d.heapTotalBytes = o.longs === $String ? $String(m.heapTotalBytes) : m.heapTotalBytes;
                    else
                        d.heapTotalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.heapTotalBytes) : o.longs === $Number ? new $util.LongBits(m.heapTotalBytes.low >>> 0, m.heapTotalBytes.high >>> 0).toNumber(true) : m.heapTotalBytes;
                }
                if (m.externalBytes != null && $Object.hasOwnProperty.call(m, "externalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.externalBytes = typeof m.externalBytes === "number" ? $BigInt(m.externalBytes) : $util.Long.fromBits(m.externalBytes.low >>> 0, m.externalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.externalBytes === "number")
                        d.externalBytes = o.longs === $String ? $String(m.externalBytes) : m.externalBytes;
                    else
                        d.externalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.externalBytes) : o.longs === $Number ? new $util.LongBits(m.externalBytes.low >>> 0, m.externalBytes.high >>> 0).toNumber(true) : m.externalBytes;
                }
                if (m.arrayBuffersBytes != null && $Object.hasOwnProperty.call(m, "arrayBuffersBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.arrayBuffersBytes = typeof m.arrayBuffersBytes === "number" ? $BigInt(m.arrayBuffersBytes) : $util.Long.fromBits(m.arrayBuffersBytes.low >>> 0, m.arrayBuffersBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.arrayBuffersBytes === "number")
                        d.arrayBuffersBytes = o.longs === $String ? $String(m.arrayBuffersBytes) : m.arrayBuffersBytes;
                    else
                        d.arrayBuffersBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.arrayBuffersBytes) : o.longs === $Number ? new $util.LongBits(m.arrayBuffersBytes.low >>> 0, m.arrayBuffersBytes.high >>> 0).toNumber(true) : m.arrayBuffersBytes;
                }
                if (m.gcMinorMs != null && $Object.hasOwnProperty.call(m, "gcMinorMs")) {
                    d.gcMinorMs = o.json && !$isFinite(m.gcMinorMs) ? $String(m.gcMinorMs) : m.gcMinorMs;
                }
                if (m.gcMajorMs != null && $Object.hasOwnProperty.call(m, "gcMajorMs")) {
                    d.gcMajorMs = o.json && !$isFinite(m.gcMajorMs) ? $String(m.gcMajorMs) : m.gcMajorMs;
                }
                if (m.gcIncrementalMs != null && $Object.hasOwnProperty.call(m, "gcIncrementalMs")) {
                    d.gcIncrementalMs = o.json && !$isFinite(m.gcIncrementalMs) ? $String(m.gcIncrementalMs) : m.gcIncrementalMs;
                }
                if (m.gcWeakcbMs != null && $Object.hasOwnProperty.call(m, "gcWeakcbMs")) {
                    d.gcWeakcbMs = o.json && !$isFinite(m.gcWeakcbMs) ? $String(m.gcWeakcbMs) : m.gcWeakcbMs;
                }
                if (m.activeResources != null && $Object.hasOwnProperty.call(m, "activeResources")) {
                    d.activeResources = m.activeResources;
                }
                return d;
            };

            ResourceSnapshot.prototype.toJSON = function() {
                return ResourceSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            ResourceSnapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.ResourceSnapshot";
            };

            return ResourceSnapshot;
        })();

        v1.DiskUsage = (function() {

            const DiskUsage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            DiskUsage.prototype.mount = "";
            DiskUsage.prototype.usedPercent = null;
            DiskUsage.prototype.freeBytes = null;
            DiskUsage.prototype.totalBytes = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(DiskUsage.prototype, "_usedPercent", {
                get: $util.oneOfGetter($oneOfFields = ["usedPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(DiskUsage.prototype, "_freeBytes", {
                get: $util.oneOfGetter($oneOfFields = ["freeBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(DiskUsage.prototype, "_totalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["totalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            DiskUsage.create = function(properties) {
                return new DiskUsage(properties);
            };

            DiskUsage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.mount != null && $Object.hasOwnProperty.call(m, "mount") && m.mount !== "")
                    w.uint32(10).string(m.mount);
                if (m.usedPercent != null && $Object.hasOwnProperty.call(m, "usedPercent"))
                    w.uint32(17).double(m.usedPercent);
                if (m.freeBytes != null && $Object.hasOwnProperty.call(m, "freeBytes"))
                    w.uint32(24).uint64(m.freeBytes);
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes"))
                    w.uint32(32).uint64(m.totalBytes);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            DiskUsage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            DiskUsage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.DiskUsage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.mount = v;
                            else
                                delete m.mount;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.usedPercent = r.double();
                            m._usedPercent = "usedPercent";
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.freeBytes = r.uint64();
                            m._freeBytes = "freeBytes";
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            m.totalBytes = r.uint64();
                            m._totalBytes = "totalBytes";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            DiskUsage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            DiskUsage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.mount != null && $Object.hasOwnProperty.call(m, "mount")) {
                    if (!$util.isString(m.mount))
                        return "mount: string expected";
                }
                if (m.usedPercent != null && $Object.hasOwnProperty.call(m, "usedPercent")) {
                    p._usedPercent = 1;
                    if (typeof m.usedPercent !== "number")
                        return "usedPercent: number expected";
                }
                if (m.freeBytes != null && $Object.hasOwnProperty.call(m, "freeBytes")) {
                    p._freeBytes = 1;
                    if (!$util.isInteger(m.freeBytes) && !(m.freeBytes && $util.isInteger(m.freeBytes.low) && $util.isInteger(m.freeBytes.high)))
                        return "freeBytes: integer|Long expected";
                }
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes")) {
                    p._totalBytes = 1;
                    if (!$util.isInteger(m.totalBytes) && !(m.totalBytes && $util.isInteger(m.totalBytes.low) && $util.isInteger(m.totalBytes.high)))
                        return "totalBytes: integer|Long expected";
                }
                return null;
            };

            DiskUsage.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.DiskUsage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.DiskUsage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.DiskUsage();
                if (d.mount != null) {
                    if (typeof d.mount !== "string" || d.mount.length) {
                        m.mount = $String(d.mount);
                    }
                }
                if (d.usedPercent != null) {
                    m.usedPercent = $Number(d.usedPercent);
                }
                if (d.freeBytes != null) {
                    if ($util.Long)
                        m.freeBytes = $util.Long.fromValue(d.freeBytes, true);
                    else if (typeof d.freeBytes === "string")
                        m.freeBytes = $parseInt(d.freeBytes, 10);
                    else if (typeof d.freeBytes === "number")
                        m.freeBytes = d.freeBytes;
                    else if (typeof d.freeBytes === "object")
                        m.freeBytes = new $util.LongBits(d.freeBytes.low >>> 0, d.freeBytes.high >>> 0).toNumber(true);
                }
                if (d.totalBytes != null) {
                    if ($util.Long)
                        m.totalBytes = $util.Long.fromValue(d.totalBytes, true);
                    else if (typeof d.totalBytes === "string")
                        m.totalBytes = $parseInt(d.totalBytes, 10);
                    else if (typeof d.totalBytes === "number")
                        m.totalBytes = d.totalBytes;
                    else if (typeof d.totalBytes === "object")
                        m.totalBytes = new $util.LongBits(d.totalBytes.low >>> 0, d.totalBytes.high >>> 0).toNumber(true);
                }
                return m;
            };

            DiskUsage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.mount = "";
                }
                if (m.mount != null && $Object.hasOwnProperty.call(m, "mount")) {
                    d.mount = m.mount;
                }
                if (m.usedPercent != null && $Object.hasOwnProperty.call(m, "usedPercent")) {
                    d.usedPercent = o.json && !$isFinite(m.usedPercent) ? $String(m.usedPercent) : m.usedPercent;
                }
                if (m.freeBytes != null && $Object.hasOwnProperty.call(m, "freeBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.freeBytes = typeof m.freeBytes === "number" ? $BigInt(m.freeBytes) : $util.Long.fromBits(m.freeBytes.low >>> 0, m.freeBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.freeBytes === "number")
                        d.freeBytes = o.longs === $String ? $String(m.freeBytes) : m.freeBytes;
                    else
                        d.freeBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.freeBytes) : o.longs === $Number ? new $util.LongBits(m.freeBytes.low >>> 0, m.freeBytes.high >>> 0).toNumber(true) : m.freeBytes;
                }
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.totalBytes = typeof m.totalBytes === "number" ? $BigInt(m.totalBytes) : $util.Long.fromBits(m.totalBytes.low >>> 0, m.totalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.totalBytes === "number")
                        d.totalBytes = o.longs === $String ? $String(m.totalBytes) : m.totalBytes;
                    else
                        d.totalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.totalBytes) : o.longs === $Number ? new $util.LongBits(m.totalBytes.low >>> 0, m.totalBytes.high >>> 0).toNumber(true) : m.totalBytes;
                }
                return d;
            };

            DiskUsage.prototype.toJSON = function() {
                return DiskUsage.toObject(this, $protobuf.util.toJSONOptions);
            };

            DiskUsage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.DiskUsage";
            };

            return DiskUsage;
        })();

        v1.HostSnapshot = (function() {

            const HostSnapshot = function (p) {
                this.disks = [];
                this.errors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            HostSnapshot.prototype.tsMs = 0;
            HostSnapshot.prototype.runId = "";
            HostSnapshot.prototype.host = "";
            HostSnapshot.prototype.cpuPercent = null;
            HostSnapshot.prototype.memTotalBytes = null;
            HostSnapshot.prototype.memAvailableBytes = null;
            HostSnapshot.prototype.memPercent = null;
            HostSnapshot.prototype.disks = $util.emptyArray;
            HostSnapshot.prototype.load1 = null;
            HostSnapshot.prototype.load5 = null;
            HostSnapshot.prototype.load15 = null;
            HostSnapshot.prototype.cpuCount = null;
            HostSnapshot.prototype.swapTotalBytes = null;
            HostSnapshot.prototype.swapUsedBytes = null;
            HostSnapshot.prototype.errors = $util.emptyArray;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_cpuPercent", {
                get: $util.oneOfGetter($oneOfFields = ["cpuPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_memTotalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["memTotalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_memAvailableBytes", {
                get: $util.oneOfGetter($oneOfFields = ["memAvailableBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_memPercent", {
                get: $util.oneOfGetter($oneOfFields = ["memPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_load1", {
                get: $util.oneOfGetter($oneOfFields = ["load1"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_load5", {
                get: $util.oneOfGetter($oneOfFields = ["load5"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_load15", {
                get: $util.oneOfGetter($oneOfFields = ["load15"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_cpuCount", {
                get: $util.oneOfGetter($oneOfFields = ["cpuCount"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_swapTotalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["swapTotalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(HostSnapshot.prototype, "_swapUsedBytes", {
                get: $util.oneOfGetter($oneOfFields = ["swapUsedBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HostSnapshot.create = function(properties) {
                return new HostSnapshot(properties);
            };

            HostSnapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.host != null && $Object.hasOwnProperty.call(m, "host") && m.host !== "")
                    w.uint32(26).string(m.host);
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent"))
                    w.uint32(33).double(m.cpuPercent);
                if (m.memTotalBytes != null && $Object.hasOwnProperty.call(m, "memTotalBytes"))
                    w.uint32(40).uint64(m.memTotalBytes);
                if (m.memAvailableBytes != null && $Object.hasOwnProperty.call(m, "memAvailableBytes"))
                    w.uint32(48).uint64(m.memAvailableBytes);
                if (m.memPercent != null && $Object.hasOwnProperty.call(m, "memPercent"))
                    w.uint32(57).double(m.memPercent);
                if (m.disks != null && m.disks.length) {
                    for (var i = 0; i < m.disks.length; ++i)
                        $root.runbus.v1.DiskUsage.encode(m.disks[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1"))
                    w.uint32(73).double(m.load1);
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5"))
                    w.uint32(81).double(m.load5);
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15"))
                    w.uint32(89).double(m.load15);
                if (m.cpuCount != null && $Object.hasOwnProperty.call(m, "cpuCount"))
                    w.uint32(96).uint32(m.cpuCount);
                if (m.swapTotalBytes != null && $Object.hasOwnProperty.call(m, "swapTotalBytes"))
                    w.uint32(104).uint64(m.swapTotalBytes);
                if (m.swapUsedBytes != null && $Object.hasOwnProperty.call(m, "swapUsedBytes"))
                    w.uint32(112).uint64(m.swapUsedBytes);
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        $root.runbus.v1.FigureError.encode(m.errors[i], w.uint32(122).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            HostSnapshot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            HostSnapshot.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.HostSnapshot();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.host = v;
                            else
                                delete m.host;
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            m.cpuPercent = r.double();
                            m._cpuPercent = "cpuPercent";
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            m.memTotalBytes = r.uint64();
                            m._memTotalBytes = "memTotalBytes";
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            m.memAvailableBytes = r.uint64();
                            m._memAvailableBytes = "memAvailableBytes";
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            m.memPercent = r.double();
                            m._memPercent = "memPercent";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.disks && m.disks.length))
                                m.disks = [];
                            m.disks.push($root.runbus.v1.DiskUsage.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u !== 1)
                                break;
                            m.load1 = r.double();
                            m._load1 = "load1";
                            continue;
                        }
                    case 10: {
                            if (u !== 1)
                                break;
                            m.load5 = r.double();
                            m._load5 = "load5";
                            continue;
                        }
                    case 11: {
                            if (u !== 1)
                                break;
                            m.load15 = r.double();
                            m._load15 = "load15";
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            m.cpuCount = r.uint32();
                            m._cpuCount = "cpuCount";
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            m.swapTotalBytes = r.uint64();
                            m._swapTotalBytes = "swapTotalBytes";
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            m.swapUsedBytes = r.uint64();
                            m._swapUsedBytes = "swapUsedBytes";
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push($root.runbus.v1.FigureError.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            HostSnapshot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            HostSnapshot.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (!$util.isString(m.host))
                        return "host: string expected";
                }
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent")) {
                    p._cpuPercent = 1;
                    if (typeof m.cpuPercent !== "number")
                        return "cpuPercent: number expected";
                }
                if (m.memTotalBytes != null && $Object.hasOwnProperty.call(m, "memTotalBytes")) {
                    p._memTotalBytes = 1;
                    if (!$util.isInteger(m.memTotalBytes) && !(m.memTotalBytes && $util.isInteger(m.memTotalBytes.low) && $util.isInteger(m.memTotalBytes.high)))
                        return "memTotalBytes: integer|Long expected";
                }
                if (m.memAvailableBytes != null && $Object.hasOwnProperty.call(m, "memAvailableBytes")) {
                    p._memAvailableBytes = 1;
                    if (!$util.isInteger(m.memAvailableBytes) && !(m.memAvailableBytes && $util.isInteger(m.memAvailableBytes.low) && $util.isInteger(m.memAvailableBytes.high)))
                        return "memAvailableBytes: integer|Long expected";
                }
                if (m.memPercent != null && $Object.hasOwnProperty.call(m, "memPercent")) {
                    p._memPercent = 1;
                    if (typeof m.memPercent !== "number")
                        return "memPercent: number expected";
                }
                if (m.disks != null && $Object.hasOwnProperty.call(m, "disks")) {
                    if (!$Array.isArray(m.disks))
                        return "disks: array expected";
                    for (var i = 0; i < m.disks.length; ++i) {
                        {
                            var e = $root.runbus.v1.DiskUsage.verify(m.disks[i], q + 1);
                            if (e)
                                return "disks." + e;
                        }
                    }
                }
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1")) {
                    p._load1 = 1;
                    if (typeof m.load1 !== "number")
                        return "load1: number expected";
                }
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5")) {
                    p._load5 = 1;
                    if (typeof m.load5 !== "number")
                        return "load5: number expected";
                }
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15")) {
                    p._load15 = 1;
                    if (typeof m.load15 !== "number")
                        return "load15: number expected";
                }
                if (m.cpuCount != null && $Object.hasOwnProperty.call(m, "cpuCount")) {
                    p._cpuCount = 1;
                    if (!$util.isInteger(m.cpuCount))
                        return "cpuCount: integer expected";
                }
                if (m.swapTotalBytes != null && $Object.hasOwnProperty.call(m, "swapTotalBytes")) {
                    p._swapTotalBytes = 1;
                    if (!$util.isInteger(m.swapTotalBytes) && !(m.swapTotalBytes && $util.isInteger(m.swapTotalBytes.low) && $util.isInteger(m.swapTotalBytes.high)))
                        return "swapTotalBytes: integer|Long expected";
                }
                if (m.swapUsedBytes != null && $Object.hasOwnProperty.call(m, "swapUsedBytes")) {
                    p._swapUsedBytes = 1;
                    if (!$util.isInteger(m.swapUsedBytes) && !(m.swapUsedBytes && $util.isInteger(m.swapUsedBytes.low) && $util.isInteger(m.swapUsedBytes.high)))
                        return "swapUsedBytes: integer|Long expected";
                }
                if (m.errors != null && $Object.hasOwnProperty.call(m, "errors")) {
                    if (!$Array.isArray(m.errors))
                        return "errors: array expected";
                    for (var i = 0; i < m.errors.length; ++i) {
                        {
                            var e = $root.runbus.v1.FigureError.verify(m.errors[i], q + 1);
                            if (e)
                                return "errors." + e;
                        }
                    }
                }
                return null;
            };

            HostSnapshot.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.HostSnapshot)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.HostSnapshot: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.HostSnapshot();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.host != null) {
                    if (typeof d.host !== "string" || d.host.length) {
                        m.host = $String(d.host);
                    }
                }
                if (d.cpuPercent != null) {
                    m.cpuPercent = $Number(d.cpuPercent);
                }
                if (d.memTotalBytes != null) {
                    if ($util.Long)
                        m.memTotalBytes = $util.Long.fromValue(d.memTotalBytes, true);
                    else if (typeof d.memTotalBytes === "string")
                        m.memTotalBytes = $parseInt(d.memTotalBytes, 10);
                    else if (typeof d.memTotalBytes === "number")
                        m.memTotalBytes = d.memTotalBytes;
                    else if (typeof d.memTotalBytes === "object")
                        m.memTotalBytes = new $util.LongBits(d.memTotalBytes.low >>> 0, d.memTotalBytes.high >>> 0).toNumber(true);
                }
                if (d.memAvailableBytes != null) {
                    if ($util.Long)
                        m.memAvailableBytes = $util.Long.fromValue(d.memAvailableBytes, true);
                    else if (typeof d.memAvailableBytes === "string")
                        m.memAvailableBytes = $parseInt(d.memAvailableBytes, 10);
                    else if (typeof d.memAvailableBytes === "number")
                        m.memAvailableBytes = d.memAvailableBytes;
                    else if (typeof d.memAvailableBytes === "object")
                        m.memAvailableBytes = new $util.LongBits(d.memAvailableBytes.low >>> 0, d.memAvailableBytes.high >>> 0).toNumber(true);
                }
                if (d.memPercent != null) {
                    m.memPercent = $Number(d.memPercent);
                }
                if (d.disks) {
                    if (!$Array.isArray(d.disks))
                        throw $TypeError(".runbus.v1.HostSnapshot.disks: array expected");
                    m.disks = $Array(d.disks.length);
                    for (var i = 0; i < d.disks.length; ++i) {
                        if (!$util.isObject(d.disks[i]))
                            throw $TypeError(".runbus.v1.HostSnapshot.disks: object expected");
                        m.disks[i] = $root.runbus.v1.DiskUsage.fromObject(d.disks[i], q + 1);
                    }
                }
                if (d.load1 != null) {
                    m.load1 = $Number(d.load1);
                }
                if (d.load5 != null) {
                    m.load5 = $Number(d.load5);
                }
                if (d.load15 != null) {
                    m.load15 = $Number(d.load15);
                }
                if (d.cpuCount != null) {
                    m.cpuCount = d.cpuCount >>> 0;
                }
                if (d.swapTotalBytes != null) {
                    if ($util.Long)
                        m.swapTotalBytes = $util.Long.fromValue(d.swapTotalBytes, true);
                    else if (typeof d.swapTotalBytes === "string")
                        m.swapTotalBytes = $parseInt(d.swapTotalBytes, 10);
                    else if (typeof d.swapTotalBytes === "number")
                        m.swapTotalBytes = d.swapTotalBytes;
                    else if (typeof d.swapTotalBytes === "object")
                        m.swapTotalBytes = new $util.LongBits(d.swapTotalBytes.low >>> 0, d.swapTotalBytes.high >>> 0).toNumber(true);
                }
                if (d.swapUsedBytes != null) {
                    if ($util.Long)
                        m.swapUsedBytes = $util.Long.fromValue(d.swapUsedBytes, true);
                    else if (typeof d.swapUsedBytes === "string")
                        m.swapUsedBytes = $parseInt(d.swapUsedBytes, 10);
                    else if (typeof d.swapUsedBytes === "number")
                        m.swapUsedBytes = d.swapUsedBytes;
                    else if (typeof d.swapUsedBytes === "object")
                        m.swapUsedBytes = new $util.LongBits(d.swapUsedBytes.low >>> 0, d.swapUsedBytes.high >>> 0).toNumber(true);
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".runbus.v1.HostSnapshot.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        if (!$util.isObject(d.errors[i]))
                            throw $TypeError(".runbus.v1.HostSnapshot.errors: object expected");
                        m.errors[i] = $root.runbus.v1.FigureError.fromObject(d.errors[i], q + 1);
                    }
                }
                return m;
            };

            HostSnapshot.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.disks = [];
                    d.errors = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.host = "";
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = m.host;
                }
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent")) {
                    d.cpuPercent = o.json && !$isFinite(m.cpuPercent) ? $String(m.cpuPercent) : m.cpuPercent;
                }
                if (m.memTotalBytes != null && $Object.hasOwnProperty.call(m, "memTotalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memTotalBytes = typeof m.memTotalBytes === "number" ? $BigInt(m.memTotalBytes) : $util.Long.fromBits(m.memTotalBytes.low >>> 0, m.memTotalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.memTotalBytes === "number")
                        d.memTotalBytes = o.longs === $String ? $String(m.memTotalBytes) : m.memTotalBytes;
                    else
                        d.memTotalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.memTotalBytes) : o.longs === $Number ? new $util.LongBits(m.memTotalBytes.low >>> 0, m.memTotalBytes.high >>> 0).toNumber(true) : m.memTotalBytes;
                }
                if (m.memAvailableBytes != null && $Object.hasOwnProperty.call(m, "memAvailableBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memAvailableBytes = typeof m.memAvailableBytes === "number" ? $BigInt(m.memAvailableBytes) : $util.Long.fromBits(m.memAvailableBytes.low >>> 0, m.memAvailableBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.memAvailableBytes === "number")
                        d.memAvailableBytes = o.longs === $String ? $String(m.memAvailableBytes) : m.memAvailableBytes;
                    else
                        d.memAvailableBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.memAvailableBytes) : o.longs === $Number ? new $util.LongBits(m.memAvailableBytes.low >>> 0, m.memAvailableBytes.high >>> 0).toNumber(true) : m.memAvailableBytes;
                }
                if (m.memPercent != null && $Object.hasOwnProperty.call(m, "memPercent")) {
                    d.memPercent = o.json && !$isFinite(m.memPercent) ? $String(m.memPercent) : m.memPercent;
                }
                if (m.disks && m.disks.length) {
                    d.disks = $Array(m.disks.length);
                    for (var j = 0; j < m.disks.length; ++j) {
                        d.disks[j] = $root.runbus.v1.DiskUsage.toObject(m.disks[j], o, q + 1);
                    }
                }
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1")) {
                    d.load1 = o.json && !$isFinite(m.load1) ? $String(m.load1) : m.load1;
                }
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5")) {
                    d.load5 = o.json && !$isFinite(m.load5) ? $String(m.load5) : m.load5;
                }
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15")) {
                    d.load15 = o.json && !$isFinite(m.load15) ? $String(m.load15) : m.load15;
                }
                if (m.cpuCount != null && $Object.hasOwnProperty.call(m, "cpuCount")) {
                    d.cpuCount = m.cpuCount;
                }
                if (m.swapTotalBytes != null && $Object.hasOwnProperty.call(m, "swapTotalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.swapTotalBytes = typeof m.swapTotalBytes === "number" ? $BigInt(m.swapTotalBytes) : $util.Long.fromBits(m.swapTotalBytes.low >>> 0, m.swapTotalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.swapTotalBytes === "number")
                        d.swapTotalBytes = o.longs === $String ? $String(m.swapTotalBytes) : m.swapTotalBytes;
                    else
                        d.swapTotalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.swapTotalBytes) : o.longs === $Number ? new $util.LongBits(m.swapTotalBytes.low >>> 0, m.swapTotalBytes.high >>> 0).toNumber(true) : m.swapTotalBytes;
                }
                if (m.swapUsedBytes != null && $Object.hasOwnProperty.call(m, "swapUsedBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.swapUsedBytes = typeof m.swapUsedBytes === "number" ? $BigInt(m.swapUsedBytes) : $util.Long.fromBits(m.swapUsedBytes.low >>> 0, m.swapUsedBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.swapUsedBytes === "number")
                        d.swapUsedBytes = o.longs === $String ? $String(m.swapUsedBytes) : m.swapUsedBytes;
                    else
                        d.swapUsedBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.swapUsedBytes) : o.longs === $Number ? new $util.LongBits(m.swapUsedBytes.low >>> 0, m.swapUsedBytes.high >>> 0).toNumber(true) : m.swapUsedBytes;
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = $root.runbus.v1.FigureError.toObject(m.errors[j], o, q + 1);
                    }
                }
                return d;
            };

            HostSnapshot.prototype.toJSON = function() {
                return HostSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            HostSnapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.HostSnapshot";
            };

            return HostSnapshot;
        })();

        v1.GpuProcess = (function() {

            const GpuProcess = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuProcess.prototype.pid = 0;
            GpuProcess.prototype.usedMemBytes = null;
            GpuProcess.prototype.name = "";

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GpuProcess.prototype, "_usedMemBytes", {
                get: $util.oneOfGetter($oneOfFields = ["usedMemBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GpuProcess.create = function(properties) {
                return new GpuProcess(properties);
            };

            GpuProcess.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(8).uint32(m.pid);
                if (m.usedMemBytes != null && $Object.hasOwnProperty.call(m, "usedMemBytes"))
                    w.uint32(16).uint64(m.usedMemBytes);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(26).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuProcess.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            GpuProcess.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.GpuProcess();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            m.usedMemBytes = r.uint64();
                            m._usedMemBytes = "usedMemBytes";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuProcess.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            GpuProcess.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.usedMemBytes != null && $Object.hasOwnProperty.call(m, "usedMemBytes")) {
                    p._usedMemBytes = 1;
                    if (!$util.isInteger(m.usedMemBytes) && !(m.usedMemBytes && $util.isInteger(m.usedMemBytes.low) && $util.isInteger(m.usedMemBytes.high)))
                        return "usedMemBytes: integer|Long expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                return null;
            };

            GpuProcess.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.GpuProcess)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.GpuProcess: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.GpuProcess();
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.usedMemBytes != null) {
                    if ($util.Long)
                        m.usedMemBytes = $util.Long.fromValue(d.usedMemBytes, true);
                    else if (typeof d.usedMemBytes === "string")
                        m.usedMemBytes = $parseInt(d.usedMemBytes, 10);
                    else if (typeof d.usedMemBytes === "number")
                        m.usedMemBytes = d.usedMemBytes;
                    else if (typeof d.usedMemBytes === "object")
                        m.usedMemBytes = new $util.LongBits(d.usedMemBytes.low >>> 0, d.usedMemBytes.high >>> 0).toNumber(true);
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            GpuProcess.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.pid = 0;
                    d.name = "";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.usedMemBytes != null && $Object.hasOwnProperty.call(m, "usedMemBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.usedMemBytes = typeof m.usedMemBytes === "number" ? $BigInt(m.usedMemBytes) : $util.Long.fromBits(m.usedMemBytes.low >>> 0, m.usedMemBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.usedMemBytes === "number")
                        d.usedMemBytes = o.longs === $String ? $String(m.usedMemBytes) : m.usedMemBytes;
                    else
                        d.usedMemBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.usedMemBytes) : o.longs === $Number ? new $util.LongBits(m.usedMemBytes.low >>> 0, m.usedMemBytes.high >>> 0).toNumber(true) : m.usedMemBytes;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            GpuProcess.prototype.toJSON = function() {
                return GpuProcess.toObject(this, $protobuf.util.toJSONOptions);
            };

            GpuProcess.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.GpuProcess";
            };

            return GpuProcess;
        })();

        v1.GpuDevice = (function() {

            const GpuDevice = function (p) {
                this.processes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuDevice.prototype.index = 0;
            GpuDevice.prototype.uuid = "";
            GpuDevice.prototype.name = "";
            GpuDevice.prototype.utilPercent = null;
            GpuDevice.prototype.memUsedBytes = null;
            GpuDevice.prototype.memTotalBytes = null;
            GpuDevice.prototype.temperatureC = null;
            GpuDevice.prototype.powerW = null;
            GpuDevice.prototype.processes = $util.emptyArray;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GpuDevice.prototype, "_utilPercent", {
                get: $util.oneOfGetter($oneOfFields = ["utilPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GpuDevice.prototype, "_memUsedBytes", {
                get: $util.oneOfGetter($oneOfFields = ["memUsedBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GpuDevice.prototype, "_memTotalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["memTotalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GpuDevice.prototype, "_temperatureC", {
                get: $util.oneOfGetter($oneOfFields = ["temperatureC"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GpuDevice.prototype, "_powerW", {
                get: $util.oneOfGetter($oneOfFields = ["powerW"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GpuDevice.create = function(properties) {
                return new GpuDevice(properties);
            };

            GpuDevice.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(8).uint32(m.index);
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(18).string(m.uuid);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(26).string(m.name);
                if (m.utilPercent != null && $Object.hasOwnProperty.call(m, "utilPercent"))
                    w.uint32(33).double(m.utilPercent);
                if (m.memUsedBytes != null && $Object.hasOwnProperty.call(m, "memUsedBytes"))
                    w.uint32(40).uint64(m.memUsedBytes);
                if (m.memTotalBytes != null && $Object.hasOwnProperty.call(m, "memTotalBytes"))
                    w.uint32(48).uint64(m.memTotalBytes);
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC"))
                    w.uint32(57).double(m.temperatureC);
                if (m.powerW != null && $Object.hasOwnProperty.call(m, "powerW"))
                    w.uint32(65).double(m.powerW);
                if (m.processes != null && m.processes.length) {
                    for (var i = 0; i < m.processes.length; ++i)
                        $root.runbus.v1.GpuProcess.encode(m.processes[i], w.uint32(74).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuDevice.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            GpuDevice.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.GpuDevice();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            m.utilPercent = r.double();
                            m._utilPercent = "utilPercent";
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            m.memUsedBytes = r.uint64();
                            m._memUsedBytes = "memUsedBytes";
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            m.memTotalBytes = r.uint64();
                            m._memTotalBytes = "memTotalBytes";
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            m.temperatureC = r.double();
                            m._temperatureC = "temperatureC";
                            continue;
                        }
                    case 8: {
                            if (u !== 1)
                                break;
                            m.powerW = r.double();
                            m._powerW = "powerW";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.processes && m.processes.length))
                                m.processes = [];
                            m.processes.push($root.runbus.v1.GpuProcess.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuDevice.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            GpuDevice.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index))
                        return "index: integer expected";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    if (!$util.isString(m.uuid))
                        return "uuid: string expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.utilPercent != null && $Object.hasOwnProperty.call(m, "utilPercent")) {
                    p._utilPercent = 1;
                    if (typeof m.utilPercent !== "number")
                        return "utilPercent: number expected";
                }
                if (m.memUsedBytes != null && $Object.hasOwnProperty.call(m, "memUsedBytes")) {
                    p._memUsedBytes = 1;
                    if (!$util.isInteger(m.memUsedBytes) && !(m.memUsedBytes && $util.isInteger(m.memUsedBytes.low) && $util.isInteger(m.memUsedBytes.high)))
                        return "memUsedBytes: integer|Long expected";
                }
                if (m.memTotalBytes != null && $Object.hasOwnProperty.call(m, "memTotalBytes")) {
                    p._memTotalBytes = 1;
                    if (!$util.isInteger(m.memTotalBytes) && !(m.memTotalBytes && $util.isInteger(m.memTotalBytes.low) && $util.isInteger(m.memTotalBytes.high)))
                        return "memTotalBytes: integer|Long expected";
                }
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC")) {
                    p._temperatureC = 1;
                    if (typeof m.temperatureC !== "number")
                        return "temperatureC: number expected";
                }
                if (m.powerW != null && $Object.hasOwnProperty.call(m, "powerW")) {
                    p._powerW = 1;
                    if (typeof m.powerW !== "number")
                        return "powerW: number expected";
                }
                if (m.processes != null && $Object.hasOwnProperty.call(m, "processes")) {
                    if (!$Array.isArray(m.processes))
                        return "processes: array expected";
                    for (var i = 0; i < m.processes.length; ++i) {
                        {
                            var e = $root.runbus.v1.GpuProcess.verify(m.processes[i], q + 1);
                            if (e)
                                return "processes." + e;
                        }
                    }
                }
                return null;
            };

            GpuDevice.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.GpuDevice)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.GpuDevice: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.GpuDevice();
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.utilPercent != null) {
                    m.utilPercent = $Number(d.utilPercent);
                }
                if (d.memUsedBytes != null) {
                    if ($util.Long)
                        m.memUsedBytes = $util.Long.fromValue(d.memUsedBytes, true);
                    else if (typeof d.memUsedBytes === "string")
                        m.memUsedBytes = $parseInt(d.memUsedBytes, 10);
                    else if (typeof d.memUsedBytes === "number")
                        m.memUsedBytes = d.memUsedBytes;
                    else if (typeof d.memUsedBytes === "object")
                        m.memUsedBytes = new $util.LongBits(d.memUsedBytes.low >>> 0, d.memUsedBytes.high >>> 0).toNumber(true);
                }
                if (d.memTotalBytes != null) {
                    if ($util.Long)
                        m.memTotalBytes = $util.Long.fromValue(d.memTotalBytes, true);
                    else if (typeof d.memTotalBytes === "string")
                        m.memTotalBytes = $parseInt(d.memTotalBytes, 10);
                    else if (typeof d.memTotalBytes === "number")
                        m.memTotalBytes = d.memTotalBytes;
                    else if (typeof d.memTotalBytes === "object")
                        m.memTotalBytes = new $util.LongBits(d.memTotalBytes.low >>> 0, d.memTotalBytes.high >>> 0).toNumber(true);
                }
                if (d.temperatureC != null) {
                    m.temperatureC = $Number(d.temperatureC);
                }
                if (d.powerW != null) {
                    m.powerW = $Number(d.powerW);
                }
                if (d.processes) {
                    if (!$Array.isArray(d.processes))
                        throw $TypeError(".runbus.v1.GpuDevice.processes: array expected");
                    m.processes = $Array(d.processes.length);
                    for (var i = 0; i < d.processes.length; ++i) {
                        if (!$util.isObject(d.processes[i]))
                            throw $TypeError(".runbus.v1.GpuDevice.processes: object expected");
                        m.processes[i] = $root.runbus.v1.GpuProcess.fromObject(d.processes[i], q + 1);
                    }
                }
                return m;
            };

            GpuDevice.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.processes = [];
                }
                if (o.defaults) {
                    d.index = 0;
                    d.uuid = "";
                    d.name = "";
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.utilPercent != null && $Object.hasOwnProperty.call(m, "utilPercent")) {
                    d.utilPercent = o.json && !$isFinite(m.utilPercent) ? $String(m.utilPercent) : m.utilPercent;
                }
                if (m.memUsedBytes != null && $Object.hasOwnProperty.call(m, "memUsedBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memUsedBytes = typeof m.memUsedBytes === "number" ? $BigInt(m.memUsedBytes) : $util.Long.fromBits(m.memUsedBytes.low >>> 0, m.memUsedBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.memUsedBytes === "number")
                        d.memUsedBytes = o.longs === $String ? $String(m.memUsedBytes) : m.memUsedBytes;
                    else
                        d.memUsedBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.memUsedBytes) : o.longs === $Number ? new $util.LongBits(m.memUsedBytes.low >>> 0, m.memUsedBytes.high >>> 0).toNumber(true) : m.memUsedBytes;
                }
                if (m.memTotalBytes != null && $Object.hasOwnProperty.call(m, "memTotalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memTotalBytes = typeof m.memTotalBytes === "number" ? $BigInt(m.memTotalBytes) : $util.Long.fromBits(m.memTotalBytes.low >>> 0, m.memTotalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.memTotalBytes === "number")
                        d.memTotalBytes = o.longs === $String ? $String(m.memTotalBytes) : m.memTotalBytes;
                    else
                        d.memTotalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.memTotalBytes) : o.longs === $Number ? new $util.LongBits(m.memTotalBytes.low >>> 0, m.memTotalBytes.high >>> 0).toNumber(true) : m.memTotalBytes;
                }
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC")) {
                    d.temperatureC = o.json && !$isFinite(m.temperatureC) ? $String(m.temperatureC) : m.temperatureC;
                }
                if (m.powerW != null && $Object.hasOwnProperty.call(m, "powerW")) {
                    d.powerW = o.json && !$isFinite(m.powerW) ? $String(m.powerW) : m.powerW;
                }
                if (m.processes && m.processes.length) {
                    d.processes = $Array(m.processes.length);
                    for (var j = 0; j < m.processes.length; ++j) {
                        d.processes[j] = $root.runbus.v1.GpuProcess.toObject(m.processes[j], o, q + 1);
                    }
                }
                return d;
            };

            GpuDevice.prototype.toJSON = function() {
                return GpuDevice.toObject(this, $protobuf.util.toJSONOptions);
            };

            GpuDevice.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.GpuDevice";
            };

            return GpuDevice;
        })();

        v1.GpuSnapshot = (function() {

            const GpuSnapshot = function (p) {
                this.devices = [];
                this.errors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuSnapshot.prototype.tsMs = 0;
            GpuSnapshot.prototype.runId = "";
            GpuSnapshot.prototype.host = "";
            GpuSnapshot.prototype.devices = $util.emptyArray;
            GpuSnapshot.prototype.errors = $util.emptyArray;

            GpuSnapshot.create = function(properties) {
                return new GpuSnapshot(properties);
            };

            GpuSnapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.host != null && $Object.hasOwnProperty.call(m, "host") && m.host !== "")
                    w.uint32(26).string(m.host);
                if (m.devices != null && m.devices.length) {
                    for (var i = 0; i < m.devices.length; ++i)
                        $root.runbus.v1.GpuDevice.encode(m.devices[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        $root.runbus.v1.FigureError.encode(m.errors[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuSnapshot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            GpuSnapshot.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.GpuSnapshot();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.host = v;
                            else
                                delete m.host;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.devices && m.devices.length))
                                m.devices = [];
                            m.devices.push($root.runbus.v1.GpuDevice.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push($root.runbus.v1.FigureError.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuSnapshot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            GpuSnapshot.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (!$util.isString(m.host))
                        return "host: string expected";
                }
                if (m.devices != null && $Object.hasOwnProperty.call(m, "devices")) {
                    if (!$Array.isArray(m.devices))
                        return "devices: array expected";
                    for (var i = 0; i < m.devices.length; ++i) {
                        {
                            var e = $root.runbus.v1.GpuDevice.verify(m.devices[i], q + 1);
                            if (e)
                                return "devices." + e;
                        }
                    }
                }
                if (m.errors != null && $Object.hasOwnProperty.call(m, "errors")) {
                    if (!$Array.isArray(m.errors))
                        return "errors: array expected";
                    for (var i = 0; i < m.errors.length; ++i) {
                        {
                            var e = $root.runbus.v1.FigureError.verify(m.errors[i], q + 1);
                            if (e)
                                return "errors." + e;
                        }
                    }
                }
                return null;
            };

            GpuSnapshot.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.GpuSnapshot)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.GpuSnapshot: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.GpuSnapshot();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.host != null) {
                    if (typeof d.host !== "string" || d.host.length) {
                        m.host = $String(d.host);
                    }
                }
                if (d.devices) {
                    if (!$Array.isArray(d.devices))
                        throw $TypeError(".runbus.v1.GpuSnapshot.devices: array expected");
                    m.devices = $Array(d.devices.length);
                    for (var i = 0; i < d.devices.length; ++i) {
                        if (!$util.isObject(d.devices[i]))
                            throw $TypeError(".runbus.v1.GpuSnapshot.devices: object expected");
                        m.devices[i] = $root.runbus.v1.GpuDevice.fromObject(d.devices[i], q + 1);
                    }
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".runbus.v1.GpuSnapshot.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        if (!$util.isObject(d.errors[i]))
                            throw $TypeError(".runbus.v1.GpuSnapshot.errors: object expected");
                        m.errors[i] = $root.runbus.v1.FigureError.fromObject(d.errors[i], q + 1);
                    }
                }
                return m;
            };

            GpuSnapshot.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.devices = [];
                    d.errors = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.host = "";
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = m.host;
                }
                if (m.devices && m.devices.length) {
                    d.devices = $Array(m.devices.length);
                    for (var j = 0; j < m.devices.length; ++j) {
                        d.devices[j] = $root.runbus.v1.GpuDevice.toObject(m.devices[j], o, q + 1);
                    }
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = $root.runbus.v1.FigureError.toObject(m.errors[j], o, q + 1);
                    }
                }
                return d;
            };

            GpuSnapshot.prototype.toJSON = function() {
                return GpuSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            GpuSnapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.GpuSnapshot";
            };

            return GpuSnapshot;
        })();

        v1.MetricSample = (function() {

            const MetricSample = function (p) {
                this.labels = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MetricSample.prototype.tsMs = 0;
            MetricSample.prototype.runId = "";
            MetricSample.prototype.component = "";
            MetricSample.prototype.pid = 0;
            MetricSample.prototype.name = "";
            MetricSample.prototype.labels = $util.emptyObject;
            MetricSample.prototype.value = 0;

            MetricSample.create = function(properties) {
                return new MetricSample(properties);
            };

            MetricSample.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(26).string(m.component);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(32).uint32(m.pid);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(42).string(m.name);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(50).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value") && !$Object.is(m.value, 0))
                    w.uint32(57).double(m.value);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MetricSample.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            MetricSample.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.MetricSample();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.value = v;
                            else
                                delete m.value;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MetricSample.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            MetricSample.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    if (!$util.isObject(m.labels))
                        return "labels: object expected";
                    var k = $Object.keys(m.labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.labels[k[i]]))
                            return "labels: string{k:string} expected";
                    }
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    if (typeof m.value !== "number")
                        return "value: number expected";
                }
                return null;
            };

            MetricSample.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.MetricSample)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.MetricSample: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.MetricSample();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".runbus.v1.MetricSample.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.value != null) {
                    if (!$Object.is($Number(d.value), 0)) {
                        m.value = $Number(d.value);
                    }
                }
                return m;
            };

            MetricSample.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.component = "";
                    d.pid = 0;
                    d.name = "";
                    d.value = 0;
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    d.value = o.json && !$isFinite(m.value) ? $String(m.value) : m.value;
                }
                return d;
            };

            MetricSample.prototype.toJSON = function() {
                return MetricSample.toObject(this, $protobuf.util.toJSONOptions);
            };

            MetricSample.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.MetricSample";
            };

            return MetricSample;
        })();

        v1.Severity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SEVERITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SEVERITY_INFO"] = 1;
            values[valuesById[2] = "SEVERITY_WARNING"] = 2;
            values[valuesById[3] = "SEVERITY_CRITICAL"] = 3;
            return values;
        })();

        v1.AlertState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ALERT_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ALERT_STATE_FIRING"] = 1;
            values[valuesById[2] = "ALERT_STATE_RESOLVED"] = 2;
            return values;
        })();

        v1.Alert = (function() {

            const Alert = function (p) {
                this.labels = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Alert.prototype.tsMs = 0;
            Alert.prototype.runId = "";
            Alert.prototype.rule = "";
            Alert.prototype.severity = 0;
            Alert.prototype.state = 0;
            Alert.prototype.value = null;
            Alert.prototype.threshold = null;
            Alert.prototype.message = "";
            Alert.prototype.component = "";
            Alert.prototype.pid = 0;
            Alert.prototype.firedAtMs = 0;
            Alert.prototype.resolvedAtMs = null;
            Alert.prototype.labels = $util.emptyObject;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Alert.prototype, "_value", {
                get: $util.oneOfGetter($oneOfFields = ["value"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Alert.prototype, "_threshold", {
                get: $util.oneOfGetter($oneOfFields = ["threshold"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Alert.prototype, "_resolvedAtMs", {
                get: $util.oneOfGetter($oneOfFields = ["resolvedAtMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Alert.create = function(properties) {
                return new Alert(properties);
            };

            Alert.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.rule != null && $Object.hasOwnProperty.call(m, "rule") && m.rule !== "")
                    w.uint32(26).string(m.rule);
                if (m.severity != null && $Object.hasOwnProperty.call(m, "severity") && m.severity !== 0)
                    w.uint32(32).int32(m.severity);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== 0)
                    w.uint32(40).int32(m.state);
                if (m.value != null && $Object.hasOwnProperty.call(m, "value"))
                    w.uint32(49).double(m.value);
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold"))
                    w.uint32(57).double(m.threshold);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(66).string(m.message);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(74).string(m.component);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(80).uint32(m.pid);
                if (m.firedAtMs != null && $Object.hasOwnProperty.call(m, "firedAtMs") && (typeof m.firedAtMs === "object" ? m.firedAtMs.low || m.firedAtMs.high : m.firedAtMs !== 0))
                    w.uint32(88).int64(m.firedAtMs);
                if (m.resolvedAtMs != null && $Object.hasOwnProperty.call(m, "resolvedAtMs"))
                    w.uint32(96).int64(m.resolvedAtMs);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(106).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Alert.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Alert.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Alert();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.rule = v;
                            else
                                delete m.rule;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.severity = v;
                            else
                                delete m.severity;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 6: {
                            if (u !== 1)
                                break;
                            m.value = r.double();
                            m._value = "value";
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            m.threshold = r.double();
                            m._threshold = "threshold";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.firedAtMs = v;
                            else
                                delete m.firedAtMs;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            m.resolvedAtMs = r.int64();
                            m._resolvedAtMs = "resolvedAtMs";
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Alert.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Alert.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.rule != null && $Object.hasOwnProperty.call(m, "rule")) {
                    if (!$util.isString(m.rule))
                        return "rule: string expected";
                }
                if (m.severity != null && $Object.hasOwnProperty.call(m, "severity")) {
                    if (typeof m.severity !== "number" || (m.severity | 0) !== m.severity)
                        return "severity: enum value expected";
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    if (typeof m.state !== "number" || (m.state | 0) !== m.state)
                        return "state: enum value expected";
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    p._value = 1;
                    if (typeof m.value !== "number")
                        return "value: number expected";
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    p._threshold = 1;
                    if (typeof m.threshold !== "number")
                        return "threshold: number expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.firedAtMs != null && $Object.hasOwnProperty.call(m, "firedAtMs")) {
                    if (!$util.isInteger(m.firedAtMs) && !(m.firedAtMs && $util.isInteger(m.firedAtMs.low) && $util.isInteger(m.firedAtMs.high)))
                        return "firedAtMs: integer|Long expected";
                }
                if (m.resolvedAtMs != null && $Object.hasOwnProperty.call(m, "resolvedAtMs")) {
                    p._resolvedAtMs = 1;
                    if (!$util.isInteger(m.resolvedAtMs) && !(m.resolvedAtMs && $util.isInteger(m.resolvedAtMs.low) && $util.isInteger(m.resolvedAtMs.high)))
                        return "resolvedAtMs: integer|Long expected";
                }
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    if (!$util.isObject(m.labels))
                        return "labels: object expected";
                    var k = $Object.keys(m.labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.labels[k[i]]))
                            return "labels: string{k:string} expected";
                    }
                }
                return null;
            };

            Alert.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Alert)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Alert: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Alert();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.rule != null) {
                    if (typeof d.rule !== "string" || d.rule.length) {
                        m.rule = $String(d.rule);
                    }
                }
                if (d.severity !== 0 && (typeof d.severity !== "string" || $root.runbus.v1.Severity[d.severity] !== 0)) {
                    switch (d.severity) {
                    case "SEVERITY_UNSPECIFIED":
                    case 0:
                        m.severity = 0;
                        break;
                    case "SEVERITY_INFO":
                    case 1:
                        m.severity = 1;
                        break;
                    case "SEVERITY_WARNING":
                    case 2:
                        m.severity = 2;
                        break;
                    case "SEVERITY_CRITICAL":
                    case 3:
                        m.severity = 3;
                        break;
                    default:
                        if (typeof d.severity === "number" && (d.severity | 0) === d.severity)
                            m.severity = d.severity;
                    }
                }
                if (d.state !== 0 && (typeof d.state !== "string" || $root.runbus.v1.AlertState[d.state] !== 0)) {
                    switch (d.state) {
                    case "ALERT_STATE_UNSPECIFIED":
                    case 0:
                        m.state = 0;
                        break;
                    case "ALERT_STATE_FIRING":
                    case 1:
                        m.state = 1;
                        break;
                    case "ALERT_STATE_RESOLVED":
                    case 2:
                        m.state = 2;
                        break;
                    default:
                        if (typeof d.state === "number" && (d.state | 0) === d.state)
                            m.state = d.state;
                    }
                }
                if (d.value != null) {
                    m.value = $Number(d.value);
                }
                if (d.threshold != null) {
                    m.threshold = $Number(d.threshold);
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.firedAtMs != null) {
                    if (typeof d.firedAtMs === "object" ? d.firedAtMs.low || d.firedAtMs.high : $Number(d.firedAtMs) !== 0) {
                        if ($util.Long)
                            m.firedAtMs = $util.Long.fromValue(d.firedAtMs, false);
                        else if (typeof d.firedAtMs === "string")
                            m.firedAtMs = $parseInt(d.firedAtMs, 10);
                        else if (typeof d.firedAtMs === "number")
                            m.firedAtMs = d.firedAtMs;
                        else if (typeof d.firedAtMs === "object")
                            m.firedAtMs = new $util.LongBits(d.firedAtMs.low >>> 0, d.firedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.resolvedAtMs != null) {
                    if ($util.Long)
                        m.resolvedAtMs = $util.Long.fromValue(d.resolvedAtMs, false);
                    else if (typeof d.resolvedAtMs === "string")
                        m.resolvedAtMs = $parseInt(d.resolvedAtMs, 10);
                    else if (typeof d.resolvedAtMs === "number")
                        m.resolvedAtMs = d.resolvedAtMs;
                    else if (typeof d.resolvedAtMs === "object")
                        m.resolvedAtMs = new $util.LongBits(d.resolvedAtMs.low >>> 0, d.resolvedAtMs.high >>> 0).toNumber();
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".runbus.v1.Alert.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                return m;
            };

            Alert.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.rule = "";
                    d.severity = o.enums === $String ? "SEVERITY_UNSPECIFIED" : 0;
                    d.state = o.enums === $String ? "ALERT_STATE_UNSPECIFIED" : 0;
                    d.message = "";
                    d.component = "";
                    d.pid = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.firedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.firedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.rule != null && $Object.hasOwnProperty.call(m, "rule")) {
                    d.rule = m.rule;
                }
                if (m.severity != null && $Object.hasOwnProperty.call(m, "severity")) {
                    d.severity = o.enums === $String ? $root.runbus.v1.Severity[m.severity] === $undefined ? m.severity : $root.runbus.v1.Severity[m.severity] : m.severity;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = o.enums === $String ? $root.runbus.v1.AlertState[m.state] === $undefined ? m.state : $root.runbus.v1.AlertState[m.state] : m.state;
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    d.value = o.json && !$isFinite(m.value) ? $String(m.value) : m.value;
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    d.threshold = o.json && !$isFinite(m.threshold) ? $String(m.threshold) : m.threshold;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.firedAtMs != null && $Object.hasOwnProperty.call(m, "firedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.firedAtMs = typeof m.firedAtMs === "number" ? $BigInt(m.firedAtMs) : $util.Long.fromBits(m.firedAtMs.low >>> 0, m.firedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.firedAtMs === "number")
                        d.firedAtMs = o.longs === $String ? $String(m.firedAtMs) : m.firedAtMs;
                    else
                        d.firedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.firedAtMs) : o.longs === $Number ? new $util.LongBits(m.firedAtMs.low >>> 0, m.firedAtMs.high >>> 0).toNumber() : m.firedAtMs;
                }
                if (m.resolvedAtMs != null && $Object.hasOwnProperty.call(m, "resolvedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.resolvedAtMs = typeof m.resolvedAtMs === "number" ? $BigInt(m.resolvedAtMs) : $util.Long.fromBits(m.resolvedAtMs.low >>> 0, m.resolvedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.resolvedAtMs === "number")
                        d.resolvedAtMs = o.longs === $String ? $String(m.resolvedAtMs) : m.resolvedAtMs;
                    else
                        d.resolvedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.resolvedAtMs) : o.longs === $Number ? new $util.LongBits(m.resolvedAtMs.low >>> 0, m.resolvedAtMs.high >>> 0).toNumber() : m.resolvedAtMs;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                return d;
            };

            Alert.prototype.toJSON = function() {
                return Alert.toObject(this, $protobuf.util.toJSONOptions);
            };

            Alert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Alert";
            };

            return Alert;
        })();

        v1.QueueStats = (function() {

            const QueueStats = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            QueueStats.prototype.name = "";
            QueueStats.prototype.capacity = 0;
            QueueStats.prototype.depth = 0;
            QueueStats.prototype.published = 0;
            QueueStats.prototype.delivered = 0;
            QueueStats.prototype.dropped = 0;
            QueueStats.prototype.highWater = 0;

            QueueStats.create = function(properties) {
                return new QueueStats(properties);
            };

            QueueStats.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.capacity != null && $Object.hasOwnProperty.call(m, "capacity") && (typeof m.capacity === "object" ? m.capacity.low || m.capacity.high : m.capacity !== 0))
                    w.uint32(16).uint64(m.capacity);
                if (m.depth != null && $Object.hasOwnProperty.call(m, "depth") && (typeof m.depth === "object" ? m.depth.low || m.depth.high : m.depth !== 0))
                    w.uint32(24).uint64(m.depth);
                if (m.published != null && $Object.hasOwnProperty.call(m, "published") && (typeof m.published === "object" ? m.published.low || m.published.high : m.published !== 0))
                    w.uint32(32).uint64(m.published);
                if (m.delivered != null && $Object.hasOwnProperty.call(m, "delivered") && (typeof m.delivered === "object" ? m.delivered.low || m.delivered.high : m.delivered !== 0))
                    w.uint32(40).uint64(m.delivered);
                if (m.dropped != null && $Object.hasOwnProperty.call(m, "dropped") && (typeof m.dropped === "object" ? m.dropped.low || m.dropped.high : m.dropped !== 0))
                    w.uint32(48).uint64(m.dropped);
                if (m.highWater != null && $Object.hasOwnProperty.call(m, "highWater") && (typeof m.highWater === "object" ? m.highWater.low || m.highWater.high : m.highWater !== 0))
                    w.uint32(56).uint64(m.highWater);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            QueueStats.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            QueueStats.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.QueueStats();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.capacity = v;
                            else
                                delete m.capacity;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.depth = v;
                            else
                                delete m.depth;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.published = v;
                            else
                                delete m.published;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.delivered = v;
                            else
                                delete m.delivered;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.dropped = v;
                            else
                                delete m.dropped;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.highWater = v;
                            else
                                delete m.highWater;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            QueueStats.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            QueueStats.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.capacity != null && $Object.hasOwnProperty.call(m, "capacity")) {
                    if (!$util.isInteger(m.capacity) && !(m.capacity && $util.isInteger(m.capacity.low) && $util.isInteger(m.capacity.high)))
                        return "capacity: integer|Long expected";
                }
                if (m.depth != null && $Object.hasOwnProperty.call(m, "depth")) {
                    if (!$util.isInteger(m.depth) && !(m.depth && $util.isInteger(m.depth.low) && $util.isInteger(m.depth.high)))
                        return "depth: integer|Long expected";
                }
                if (m.published != null && $Object.hasOwnProperty.call(m, "published")) {
                    if (!$util.isInteger(m.published) && !(m.published && $util.isInteger(m.published.low) && $util.isInteger(m.published.high)))
                        return "published: integer|Long expected";
                }
                if (m.delivered != null && $Object.hasOwnProperty.call(m, "delivered")) {
                    if (!$util.isInteger(m.delivered) && !(m.delivered && $util.isInteger(m.delivered.low) && $util.isInteger(m.delivered.high)))
                        return "delivered: integer|Long expected";
                }
                if (m.dropped != null && $Object.hasOwnProperty.call(m, "dropped")) {
                    if (!$util.isInteger(m.dropped) && !(m.dropped && $util.isInteger(m.dropped.low) && $util.isInteger(m.dropped.high)))
                        return "dropped: integer|Long expected";
                }
                if (m.highWater != null && $Object.hasOwnProperty.call(m, "highWater")) {
                    if (!$util.isInteger(m.highWater) && !(m.highWater && $util.isInteger(m.highWater.low) && $util.isInteger(m.highWater.high)))
                        return "highWater: integer|Long expected";
                }
                return null;
            };

            QueueStats.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.QueueStats)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.QueueStats: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.QueueStats();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.capacity != null) {
                    if (typeof d.capacity === "object" ? d.capacity.low || d.capacity.high : $Number(d.capacity) !== 0) {
                        if ($util.Long)
                            m.capacity = $util.Long.fromValue(d.capacity, true);
                        else if (typeof d.capacity === "string")
                            m.capacity = $parseInt(d.capacity, 10);
                        else if (typeof d.capacity === "number")
                            m.capacity = d.capacity;
                        else if (typeof d.capacity === "object")
                            m.capacity = new $util.LongBits(d.capacity.low >>> 0, d.capacity.high >>> 0).toNumber(true);
                    }
                }
                if (d.depth != null) {
                    if (typeof d.depth === "object" ? d.depth.low || d.depth.high : $Number(d.depth) !== 0) {
                        if ($util.Long)
                            m.depth = $util.Long.fromValue(d.depth, true);
                        else if (typeof d.depth === "string")
                            m.depth = $parseInt(d.depth, 10);
                        else if (typeof d.depth === "number")
                            m.depth = d.depth;
                        else if (typeof d.depth === "object")
                            m.depth = new $util.LongBits(d.depth.low >>> 0, d.depth.high >>> 0).toNumber(true);
                    }
                }
                if (d.published != null) {
                    if (typeof d.published === "object" ? d.published.low || d.published.high : $Number(d.published) !== 0) {
                        if ($util.Long)
                            m.published = $util.Long.fromValue(d.published, true);
                        else if (typeof d.published === "string")
                            m.published = $parseInt(d.published, 10);
                        else if (typeof d.published === "number")
                            m.published = d.published;
                        else if (typeof d.published === "object")
                            m.published = new $util.LongBits(d.published.low >>> 0, d.published.high >>> 0).toNumber(true);
                    }
                }
                if (d.delivered != null) {
                    if (typeof d.delivered === "object" ? d.delivered.low || d.delivered.high : $Number(d.delivered) !== 0) {
                        if ($util.Long)
                            m.delivered = $util.Long.fromValue(d.delivered, true);
                        else if (typeof d.delivered === "string")
                            m.delivered = $parseInt(d.delivered, 10);
                        else if (typeof d.delivered === "number")
                            m.delivered = d.delivered;
                        else if (typeof d.delivered === "object")
                            m.delivered = new $util.LongBits(d.delivered.low >>> 0, d.delivered.high >>> 0).toNumber(true);
                    }
                }
                if (d.dropped != null) {
                    if (typeof d.dropped === "object" ? d.dropped.low || d.dropped.high : $Number(d.dropped) !== 0) {
                        if ($util.Long)
                            m.dropped = $util.Long.fromValue(d.dropped, true);
                        else if (typeof d.dropped === "string")
                            m.dropped = $parseInt(d.dropped, 10);
                        else if (typeof d.dropped === "number")
                            m.dropped = d.dropped;
                        else if (typeof d.dropped === "object")
                            m.dropped = new $util.LongBits(d.dropped.low >>> 0, d.dropped.high >>> 0).toNumber(true);
                    }
                }
                if (d.highWater != null) {
                    if (typeof d.highWater === "object" ? d.highWater.low || d.highWater.high : $Number(d.highWater) !== 0) {
                        if ($util.Long)
                            m.highWater = $util.Long.fromValue(d.highWater, true);
                        else if (typeof d.highWater === "string")
                            m.highWater = $parseInt(d.highWater, 10);
                        else if (typeof d.highWater === "number")
                            m.highWater = d.highWater;
                        else if (typeof d.highWater === "object")
                            m.highWater = new $util.LongBits(d.highWater.low >>> 0, d.highWater.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            QueueStats.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.capacity = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.capacity = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.depth = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.depth = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.published = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.published = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.delivered = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.delivered = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.dropped = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.dropped = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.highWater = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.highWater = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.capacity != null && $Object.hasOwnProperty.call(m, "capacity")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.capacity = typeof m.capacity === "number" ? $BigInt(m.capacity) : $util.Long.fromBits(m.capacity.low >>> 0, m.capacity.high >>> 0, true).toBigInt();
                    else if (typeof m.capacity === "number")
                        d.capacity = o.longs === $String ? $String(m.capacity) : m.capacity;
                    else
                        d.capacity = o.longs === $String ? $util.Long.prototype.toString.call(m.capacity) : o.longs === $Number ? new $util.LongBits(m.capacity.low >>> 0, m.capacity.high >>> 0).toNumber(true) : m.capacity;
                }
                if (m.depth != null && $Object.hasOwnProperty.call(m, "depth")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.depth = typeof m.depth === "number" ? $BigInt(m.depth) : $util.Long.fromBits(m.depth.low >>> 0, m.depth.high >>> 0, true).toBigInt();
                    else if (typeof m.depth === "number")
                        d.depth = o.longs === $String ? $String(m.depth) : m.depth;
                    else
                        d.depth = o.longs === $String ? $util.Long.prototype.toString.call(m.depth) : o.longs === $Number ? new $util.LongBits(m.depth.low >>> 0, m.depth.high >>> 0).toNumber(true) : m.depth;
                }
                if (m.published != null && $Object.hasOwnProperty.call(m, "published")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.published = typeof m.published === "number" ? $BigInt(m.published) : $util.Long.fromBits(m.published.low >>> 0, m.published.high >>> 0, true).toBigInt();
                    else if (typeof m.published === "number")
                        d.published = o.longs === $String ? $String(m.published) : m.published;
                    else
                        d.published = o.longs === $String ? $util.Long.prototype.toString.call(m.published) : o.longs === $Number ? new $util.LongBits(m.published.low >>> 0, m.published.high >>> 0).toNumber(true) : m.published;
                }
                if (m.delivered != null && $Object.hasOwnProperty.call(m, "delivered")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.delivered = typeof m.delivered === "number" ? $BigInt(m.delivered) : $util.Long.fromBits(m.delivered.low >>> 0, m.delivered.high >>> 0, true).toBigInt();
                    else if (typeof m.delivered === "number")
                        d.delivered = o.longs === $String ? $String(m.delivered) : m.delivered;
                    else
                        d.delivered = o.longs === $String ? $util.Long.prototype.toString.call(m.delivered) : o.longs === $Number ? new $util.LongBits(m.delivered.low >>> 0, m.delivered.high >>> 0).toNumber(true) : m.delivered;
                }
                if (m.dropped != null && $Object.hasOwnProperty.call(m, "dropped")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.dropped = typeof m.dropped === "number" ? $BigInt(m.dropped) : $util.Long.fromBits(m.dropped.low >>> 0, m.dropped.high >>> 0, true).toBigInt();
                    else if (typeof m.dropped === "number")
                        d.dropped = o.longs === $String ? $String(m.dropped) : m.dropped;
                    else
                        d.dropped = o.longs === $String ? $util.Long.prototype.toString.call(m.dropped) : o.longs === $Number ? new $util.LongBits(m.dropped.low >>> 0, m.dropped.high >>> 0).toNumber(true) : m.dropped;
                }
                if (m.highWater != null && $Object.hasOwnProperty.call(m, "highWater")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.highWater = typeof m.highWater === "number" ? $BigInt(m.highWater) : $util.Long.fromBits(m.highWater.low >>> 0, m.highWater.high >>> 0, true).toBigInt();
                    else if (typeof m.highWater === "number")
                        d.highWater = o.longs === $String ? $String(m.highWater) : m.highWater;
                    else
                        d.highWater = o.longs === $String ? $util.Long.prototype.toString.call(m.highWater) : o.longs === $Number ? new $util.LongBits(m.highWater.low >>> 0, m.highWater.high >>> 0).toNumber(true) : m.highWater;
                }
                return d;
            };

            QueueStats.prototype.toJSON = function() {
                return QueueStats.toObject(this, $protobuf.util.toJSONOptions);
            };

            QueueStats.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.QueueStats";
            };

            return QueueStats;
        })();

        v1.Heartbeat = (function() {

            const Heartbeat = function (p) {
                this.queues = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Heartbeat.prototype.tsMs = 0;
            Heartbeat.prototype.runId = "";
            Heartbeat.prototype.component = "";
            Heartbeat.prototype.pid = 0;
            Heartbeat.prototype.uptimeMs = 0;
            Heartbeat.prototype.queues = $util.emptyArray;
            Heartbeat.prototype.droppedTotal = 0;
            Heartbeat.prototype.rowsWritten = 0;
            Heartbeat.prototype.flushP50Ms = null;
            Heartbeat.prototype.flushP99Ms = null;
            Heartbeat.prototype.walBytes = null;
            Heartbeat.prototype.lastBatchSize = 0;
            Heartbeat.prototype.ticksSkipped = 0;
            Heartbeat.prototype.connections = 0;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Heartbeat.prototype, "_flushP50Ms", {
                get: $util.oneOfGetter($oneOfFields = ["flushP50Ms"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Heartbeat.prototype, "_flushP99Ms", {
                get: $util.oneOfGetter($oneOfFields = ["flushP99Ms"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Heartbeat.prototype, "_walBytes", {
                get: $util.oneOfGetter($oneOfFields = ["walBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            Heartbeat.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(26).string(m.component);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(32).uint32(m.pid);
                if (m.uptimeMs != null && $Object.hasOwnProperty.call(m, "uptimeMs") && (typeof m.uptimeMs === "object" ? m.uptimeMs.low || m.uptimeMs.high : m.uptimeMs !== 0))
                    w.uint32(40).uint64(m.uptimeMs);
                if (m.queues != null && m.queues.length) {
                    for (var i = 0; i < m.queues.length; ++i)
                        $root.runbus.v1.QueueStats.encode(m.queues[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.droppedTotal != null && $Object.hasOwnProperty.call(m, "droppedTotal") && (typeof m.droppedTotal === "object" ? m.droppedTotal.low || m.droppedTotal.high : m.droppedTotal !== 0))
                    w.uint32(56).uint64(m.droppedTotal);
                if (m.rowsWritten != null && $Object.hasOwnProperty.call(m, "rowsWritten") && (typeof m.rowsWritten === "object" ? m.rowsWritten.low || m.rowsWritten.high : m.rowsWritten !== 0))
                    w.uint32(64).uint64(m.rowsWritten);
                if (m.flushP50Ms != null && $Object.hasOwnProperty.call(m, "flushP50Ms"))
                    w.uint32(73).double(m.flushP50Ms);
                if (m.flushP99Ms != null && $Object.hasOwnProperty.call(m, "flushP99Ms"))
                    w.uint32(81).double(m.flushP99Ms);
                if (m.walBytes != null && $Object.hasOwnProperty.call(m, "walBytes"))
                    w.uint32(88).uint64(m.walBytes);
                if (m.lastBatchSize != null && $Object.hasOwnProperty.call(m, "lastBatchSize") && m.lastBatchSize !== 0)
                    w.uint32(96).uint32(m.lastBatchSize);
                if (m.ticksSkipped != null && $Object.hasOwnProperty.call(m, "ticksSkipped") && (typeof m.ticksSkipped === "object" ? m.ticksSkipped.low || m.ticksSkipped.high : m.ticksSkipped !== 0))
                    w.uint32(104).uint64(m.ticksSkipped);
                if (m.connections != null && $Object.hasOwnProperty.call(m, "connections") && m.connections !== 0)
                    w.uint32(112).uint32(m.connections);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Heartbeat.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Heartbeat.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Heartbeat();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.uptimeMs = v;
                            else
                                delete m.uptimeMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.queues && m.queues.length))
                                m.queues = [];
                            m.queues.push($root.runbus.v1.QueueStats.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.droppedTotal = v;
                            else
                                delete m.droppedTotal;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.rowsWritten = v;
                            else
                                delete m.rowsWritten;
                            continue;
                        }
                    case 9: {
                            if (u !== 1)
                                break;
                            m.flushP50Ms = r.double();
                            m._flushP50Ms = "flushP50Ms";
                            continue;
                        }
                    case 10: {
                            if (u !== 1)
                                break;
                            m.flushP99Ms = r.double();
                            m._flushP99Ms = "flushP99Ms";
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            m.walBytes = r.uint64();
                            m._walBytes = "walBytes";
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.lastBatchSize = v;
                            else
                                delete m.lastBatchSize;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.ticksSkipped = v;
                            else
                                delete m.ticksSkipped;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.connections = v;
                            else
                                delete m.connections;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Heartbeat.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Heartbeat.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.uptimeMs != null && $Object.hasOwnProperty.call(m, "uptimeMs")) {
                    if (!$util.isInteger(m.uptimeMs) && !(m.uptimeMs && $util.isInteger(m.uptimeMs.low) && $util.isInteger(m.uptimeMs.high)))
                        return "uptimeMs: integer|Long expected";
                }
                if (m.queues != null && $Object.hasOwnProperty.call(m, "queues")) {
                    if (!$Array.isArray(m.queues))
                        return "queues: array expected";
                    for (var i = 0; i < m.queues.length; ++i) {
                        {
                            var e = $root.runbus.v1.QueueStats.verify(m.queues[i], q + 1);
                            if (e)
                                return "queues." + e;
                        }
                    }
                }
                if (m.droppedTotal != null && $Object.hasOwnProperty.call(m, "droppedTotal")) {
                    if (!$util.isInteger(m.droppedTotal) && !(m.droppedTotal && $util.isInteger(m.droppedTotal.low) && $util.isInteger(m.droppedTotal.high)))
                        return "droppedTotal: integer|Long expected";
                }
                if (m.rowsWritten != null && $Object.hasOwnProperty.call(m, "rowsWritten")) {
                    if (!$util.isInteger(m.rowsWritten) && !(m.rowsWritten && $util.isInteger(m.rowsWritten.low) && $util.isInteger(m.rowsWritten.high)))
                        return "rowsWritten: integer|Long expected";
                }
                if (m.flushP50Ms != null && $Object.hasOwnProperty.call(m, "flushP50Ms")) {
                    p._flushP50Ms = 1;
                    if (typeof m.flushP50Ms !== "number")
                        return "flushP50Ms: number expected";
                }
                if (m.flushP99Ms != null && $Object.hasOwnProperty.call(m, "flushP99Ms")) {
                    p._flushP99Ms = 1;
                    if (typeof m.flushP99Ms !== "number")
                        return "flushP99Ms: number expected";
                }
                if (m.walBytes != null && $Object.hasOwnProperty.call(m, "walBytes")) {
                    p._walBytes = 1;
                    if (!$util.isInteger(m.walBytes) && !(m.walBytes && $util.isInteger(m.walBytes.low) && $util.isInteger(m.walBytes.high)))
                        return "walBytes: integer|Long expected";
                }
                if (m.lastBatchSize != null && $Object.hasOwnProperty.call(m, "lastBatchSize")) {
                    if (!$util.isInteger(m.lastBatchSize))
                        return "lastBatchSize: integer expected";
                }
                if (m.ticksSkipped != null && $Object.hasOwnProperty.call(m, "ticksSkipped")) {
                    if (!$util.isInteger(m.ticksSkipped) && !(m.ticksSkipped && $util.isInteger(m.ticksSkipped.low) && $util.isInteger(m.ticksSkipped.high)))
                        return "ticksSkipped: integer|Long expected";
                }
                if (m.connections != null && $Object.hasOwnProperty.call(m, "connections")) {
                    if (!$util.isInteger(m.connections))
                        return "connections: integer expected";
                }
                return null;
            };

            Heartbeat.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Heartbeat)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Heartbeat: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Heartbeat();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.uptimeMs != null) {
                    if (typeof d.uptimeMs === "object" ? d.uptimeMs.low || d.uptimeMs.high : $Number(d.uptimeMs) !== 0) {
                        if ($util.Long)
                            m.uptimeMs = $util.Long.fromValue(d.uptimeMs, true);
                        else if (typeof d.uptimeMs === "string")
                            m.uptimeMs = $parseInt(d.uptimeMs, 10);
                        else if (typeof d.uptimeMs === "number")
                            m.uptimeMs = d.uptimeMs;
                        else if (typeof d.uptimeMs === "object")
                            m.uptimeMs = new $util.LongBits(d.uptimeMs.low >>> 0, d.uptimeMs.high >>> 0).toNumber(true);
                    }
                }
                if (d.queues) {
                    if (!$Array.isArray(d.queues))
                        throw $TypeError(".runbus.v1.Heartbeat.queues: array expected");
                    m.queues = $Array(d.queues.length);
                    for (var i = 0; i < d.queues.length; ++i) {
                        if (!$util.isObject(d.queues[i]))
                            throw $TypeError(".runbus.v1.Heartbeat.queues: object expected");
                        m.queues[i] = $root.runbus.v1.QueueStats.fromObject(d.queues[i], q + 1);
                    }
                }
                if (d.droppedTotal != null) {
                    if (typeof d.droppedTotal === "object" ? d.droppedTotal.low || d.droppedTotal.high : $Number(d.droppedTotal) !== 0) {
                        if ($util.Long)
                            m.droppedTotal = $util.Long.fromValue(d.droppedTotal, true);
                        else if (typeof d.droppedTotal === "string")
                            m.droppedTotal = $parseInt(d.droppedTotal, 10);
                        else if (typeof d.droppedTotal === "number")
                            m.droppedTotal = d.droppedTotal;
                        else if (typeof d.droppedTotal === "object")
                            m.droppedTotal = new $util.LongBits(d.droppedTotal.low >>> 0, d.droppedTotal.high >>> 0).toNumber(true);
                    }
                }
                if (d.rowsWritten != null) {
                    if (typeof d.rowsWritten === "object" ? d.rowsWritten.low || d.rowsWritten.high : $Number(d.rowsWritten) !== 0) {
                        if ($util.Long)
                            m.rowsWritten = $util.Long.fromValue(d.rowsWritten, true);
                        else if (typeof d.rowsWritten === "string")
                            m.rowsWritten = $parseInt(d.rowsWritten, 10);
                        else if (typeof d.rowsWritten === "number")
                            m.rowsWritten = d.rowsWritten;
                        else if (typeof d.rowsWritten === "object")
                            m.rowsWritten = new $util.LongBits(d.rowsWritten.low >>> 0, d.rowsWritten.high >>> 0).toNumber(true);
                    }
                }
                if (d.flushP50Ms != null) {
                    m.flushP50Ms = $Number(d.flushP50Ms);
                }
                if (d.flushP99Ms != null) {
                    m.flushP99Ms = $Number(d.flushP99Ms);
                }
                if (d.walBytes != null) {
                    if ($util.Long)
                        m.walBytes = $util.Long.fromValue(d.walBytes, true);
                    else if (typeof d.walBytes === "string")
                        m.walBytes = $parseInt(d.walBytes, 10);
                    else if (typeof d.walBytes === "number")
                        m.walBytes = d.walBytes;
                    else if (typeof d.walBytes === "object")
                        m.walBytes = new $util.LongBits(d.walBytes.low >>> 0, d.walBytes.high >>> 0).toNumber(true);
                }
                if (d.lastBatchSize != null) {
                    if ($Number(d.lastBatchSize) !== 0) {
                        m.lastBatchSize = d.lastBatchSize >>> 0;
                    }
                }
                if (d.ticksSkipped != null) {
                    if (typeof d.ticksSkipped === "object" ? d.ticksSkipped.low || d.ticksSkipped.high : $Number(d.ticksSkipped) !== 0) {
                        if ($util.Long)
                            m.ticksSkipped = $util.Long.fromValue(d.ticksSkipped, true);
                        else if (typeof d.ticksSkipped === "string")
                            m.ticksSkipped = $parseInt(d.ticksSkipped, 10);
                        else if (typeof d.ticksSkipped === "number")
                            m.ticksSkipped = d.ticksSkipped;
                        else if (typeof d.ticksSkipped === "object")
                            m.ticksSkipped = new $util.LongBits(d.ticksSkipped.low >>> 0, d.ticksSkipped.high >>> 0).toNumber(true);
                    }
                }
                if (d.connections != null) {
                    if ($Number(d.connections) !== 0) {
                        m.connections = d.connections >>> 0;
                    }
                }
                return m;
            };

            Heartbeat.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.queues = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.component = "";
                    d.pid = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.uptimeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.uptimeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.droppedTotal = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.droppedTotal = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.rowsWritten = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.rowsWritten = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.lastBatchSize = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.ticksSkipped = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.ticksSkipped = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.connections = 0;
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.uptimeMs != null && $Object.hasOwnProperty.call(m, "uptimeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.uptimeMs = typeof m.uptimeMs === "number" ? $BigInt(m.uptimeMs) : $util.Long.fromBits(m.uptimeMs.low >>> 0, m.uptimeMs.high >>> 0, true).toBigInt();
                    else if (typeof m.uptimeMs === "number")
                        d.uptimeMs = o.longs === $String ? $String(m.uptimeMs) : m.uptimeMs;
                    else
                        d.uptimeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.uptimeMs) : o.longs === $Number ? new $util.LongBits(m.uptimeMs.low >>> 0, m.uptimeMs.high >>> 0).toNumber(true) : m.uptimeMs;
                }
                if (m.queues && m.queues.length) {
                    d.queues = $Array(m.queues.length);
                    for (var j = 0; j < m.queues.length; ++j) {
                        d.queues[j] = $root.runbus.v1.QueueStats.toObject(m.queues[j], o, q + 1);
                    }
                }
                if (m.droppedTotal != null && $Object.hasOwnProperty.call(m, "droppedTotal")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.droppedTotal = typeof m.droppedTotal === "number" ? $BigInt(m.droppedTotal) : $util.Long.fromBits(m.droppedTotal.low >>> 0, m.droppedTotal.high >>> 0, true).toBigInt();
                    else if (typeof m.droppedTotal === "number")
                        d.droppedTotal = o.longs === $String ? $String(m.droppedTotal) : m.droppedTotal;
                    else
                        d.droppedTotal = o.longs === $String ? $util.Long.prototype.toString.call(m.droppedTotal) : o.longs === $Number ? new $util.LongBits(m.droppedTotal.low >>> 0, m.droppedTotal.high >>> 0).toNumber(true) : m.droppedTotal;
                }
                if (m.rowsWritten != null && $Object.hasOwnProperty.call(m, "rowsWritten")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rowsWritten = typeof m.rowsWritten === "number" ? $BigInt(m.rowsWritten) : $util.Long.fromBits(m.rowsWritten.low >>> 0, m.rowsWritten.high >>> 0, true).toBigInt();
                    else if (typeof m.rowsWritten === "number")
                        d.rowsWritten = o.longs === $String ? $String(m.rowsWritten) : m.rowsWritten;
                    else
                        d.rowsWritten = o.longs === $String ? $util.Long.prototype.toString.call(m.rowsWritten) : o.longs === $Number ? new $util.LongBits(m.rowsWritten.low >>> 0, m.rowsWritten.high >>> 0).toNumber(true) : m.rowsWritten;
                }
                if (m.flushP50Ms != null && $Object.hasOwnProperty.call(m, "flushP50Ms")) {
                    d.flushP50Ms = o.json && !$isFinite(m.flushP50Ms) ? $String(m.flushP50Ms) : m.flushP50Ms;
                }
                if (m.flushP99Ms != null && $Object.hasOwnProperty.call(m, "flushP99Ms")) {
                    d.flushP99Ms = o.json && !$isFinite(m.flushP99Ms) ? $String(m.flushP99Ms) : m.flushP99Ms;
                }
                if (m.walBytes != null && $Object.hasOwnProperty.call(m, "walBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.walBytes = typeof m.walBytes === "number" ? $BigInt(m.walBytes) : $util.Long.fromBits(m.walBytes.low >>> 0, m.walBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.walBytes === "number")
                        d.walBytes = o.longs === $String ? $String(m.walBytes) : m.walBytes;
                    else
                        d.walBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.walBytes) : o.longs === $Number ? new $util.LongBits(m.walBytes.low >>> 0, m.walBytes.high >>> 0).toNumber(true) : m.walBytes;
                }
                if (m.lastBatchSize != null && $Object.hasOwnProperty.call(m, "lastBatchSize")) {
                    d.lastBatchSize = m.lastBatchSize;
                }
                if (m.ticksSkipped != null && $Object.hasOwnProperty.call(m, "ticksSkipped")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ticksSkipped = typeof m.ticksSkipped === "number" ? $BigInt(m.ticksSkipped) : $util.Long.fromBits(m.ticksSkipped.low >>> 0, m.ticksSkipped.high >>> 0, true).toBigInt();
                    else if (typeof m.ticksSkipped === "number")
                        d.ticksSkipped = o.longs === $String ? $String(m.ticksSkipped) : m.ticksSkipped;
                    else
                        d.ticksSkipped = o.longs === $String ? $util.Long.prototype.toString.call(m.ticksSkipped) : o.longs === $Number ? new $util.LongBits(m.ticksSkipped.low >>> 0, m.ticksSkipped.high >>> 0).toNumber(true) : m.ticksSkipped;
                }
                if (m.connections != null && $Object.hasOwnProperty.call(m, "connections")) {
                    d.connections = m.connections;
                }
                return d;
            };

            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            Heartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Heartbeat";
            };

            return Heartbeat;
        })();

        v1.LifecycleKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LIFECYCLE_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "LIFECYCLE_RUN_STARTED"] = 1;
            values[valuesById[2] = "LIFECYCLE_RUN_ENDED"] = 2;
            values[valuesById[3] = "LIFECYCLE_PROCESS_STARTED"] = 3;
            values[valuesById[4] = "LIFECYCLE_PROCESS_EXITED"] = 4;
            values[valuesById[5] = "LIFECYCLE_CONTAINER_STARTED"] = 5;
            values[valuesById[6] = "LIFECYCLE_CONTAINER_EXITED"] = 6;
            values[valuesById[7] = "LIFECYCLE_CONTAINER_CLEANED"] = 7;
            values[valuesById[8] = "LIFECYCLE_CONTAINER_ORPHANED"] = 8;
            values[valuesById[9] = "LIFECYCLE_PROCESS_RENAMED"] = 9;
            return values;
        })();

        v1.Lifecycle = (function() {

            const Lifecycle = function (p) {
                this.labels = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Lifecycle.prototype.tsMs = 0;
            Lifecycle.prototype.runId = "";
            Lifecycle.prototype.kind = 0;
            Lifecycle.prototype.component = "";
            Lifecycle.prototype.pid = 0;
            Lifecycle.prototype.ppid = 0;
            Lifecycle.prototype.command = "";
            Lifecycle.prototype.exitCode = null;
            Lifecycle.prototype.signal = "";
            Lifecycle.prototype.host = "";
            Lifecycle.prototype.containerId = "";
            Lifecycle.prototype.image = "";
            Lifecycle.prototype.labels = $util.emptyObject;
            Lifecycle.prototype.createdAtMs = 0;
            Lifecycle.prototype.previousComponent = "";

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Lifecycle.prototype, "_exitCode", {
                get: $util.oneOfGetter($oneOfFields = ["exitCode"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Lifecycle.create = function(properties) {
                return new Lifecycle(properties);
            };

            Lifecycle.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(24).int32(m.kind);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(34).string(m.component);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(40).uint32(m.pid);
                if (m.ppid != null && $Object.hasOwnProperty.call(m, "ppid") && m.ppid !== 0)
                    w.uint32(48).uint32(m.ppid);
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command !== "")
                    w.uint32(58).string(m.command);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode"))
                    w.uint32(64).int32(m.exitCode);
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                    w.uint32(74).string(m.signal);
                if (m.host != null && $Object.hasOwnProperty.call(m, "host") && m.host !== "")
                    w.uint32(82).string(m.host);
                if (m.containerId != null && $Object.hasOwnProperty.call(m, "containerId") && m.containerId !== "")
                    w.uint32(90).string(m.containerId);
                if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                    w.uint32(98).string(m.image);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(106).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.createdAtMs != null && $Object.hasOwnProperty.call(m, "createdAtMs") && (typeof m.createdAtMs === "object" ? m.createdAtMs.low || m.createdAtMs.high : m.createdAtMs !== 0))
                    w.uint32(112).int64(m.createdAtMs);
                if (m.previousComponent != null && $Object.hasOwnProperty.call(m, "previousComponent") && m.previousComponent !== "")
                    w.uint32(122).string(m.previousComponent);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Lifecycle.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Lifecycle.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Lifecycle();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.ppid = v;
                            else
                                delete m.ppid;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.command = v;
                            else
                                delete m.command;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            m.exitCode = r.int32();
                            m._exitCode = "exitCode";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signal = v;
                            else
                                delete m.signal;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.host = v;
                            else
                                delete m.host;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.containerId = v;
                            else
                                delete m.containerId;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.image = v;
                            else
                                delete m.image;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.createdAtMs = v;
                            else
                                delete m.createdAtMs;
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.previousComponent = v;
                            else
                                delete m.previousComponent;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Lifecycle.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Lifecycle.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (typeof m.kind !== "number" || (m.kind | 0) !== m.kind)
                        return "kind: enum value expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.ppid != null && $Object.hasOwnProperty.call(m, "ppid")) {
                    if (!$util.isInteger(m.ppid))
                        return "ppid: integer expected";
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    if (!$util.isString(m.command))
                        return "command: string expected";
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    p._exitCode = 1;
                    if (!$util.isInteger(m.exitCode))
                        return "exitCode: integer expected";
                }
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal")) {
                    if (!$util.isString(m.signal))
                        return "signal: string expected";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (!$util.isString(m.host))
                        return "host: string expected";
                }
                if (m.containerId != null && $Object.hasOwnProperty.call(m, "containerId")) {
                    if (!$util.isString(m.containerId))
                        return "containerId: string expected";
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    if (!$util.isString(m.image))
                        return "image: string expected";
                }
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    if (!$util.isObject(m.labels))
                        return "labels: object expected";
                    var k = $Object.keys(m.labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.labels[k[i]]))
                            return "labels: string{k:string} expected";
                    }
                }
                if (m.createdAtMs != null && $Object.hasOwnProperty.call(m, "createdAtMs")) {
                    if (!$util.isInteger(m.createdAtMs) && !(m.createdAtMs && $util.isInteger(m.createdAtMs.low) && $util.isInteger(m.createdAtMs.high)))
                        return "createdAtMs: integer|Long expected";
                }
                if (m.previousComponent != null && $Object.hasOwnProperty.call(m, "previousComponent")) {
                    if (!$util.isString(m.previousComponent))
                        return "previousComponent: string expected";
                }
                return null;
            };

            Lifecycle.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Lifecycle)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Lifecycle: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Lifecycle();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.kind !== 0 && (typeof d.kind !== "string" || $root.runbus.v1.LifecycleKind[d.kind] !== 0)) {
                    switch (d.kind) {
                    case "LIFECYCLE_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "LIFECYCLE_RUN_STARTED":
                    case 1:
                        m.kind = 1;
                        break;
                    case "LIFECYCLE_RUN_ENDED":
                    case 2:
                        m.kind = 2;
                        break;
                    case "LIFECYCLE_PROCESS_STARTED":
                    case 3:
                        m.kind = 3;
                        break;
                    case "LIFECYCLE_PROCESS_EXITED":
                    case 4:
                        m.kind = 4;
                        break;
                    case "LIFECYCLE_CONTAINER_STARTED":
                    case 5:
                        m.kind = 5;
                        break;
                    case "LIFECYCLE_CONTAINER_EXITED":
                    case 6:
                        m.kind = 6;
                        break;
                    case "LIFECYCLE_CONTAINER_CLEANED":
                    case 7:
                        m.kind = 7;
                        break;
                    case "LIFECYCLE_CONTAINER_ORPHANED":
                    case 8:
                        m.kind = 8;
                        break;
                    case "LIFECYCLE_PROCESS_RENAMED":
                    case 9:
                        m.kind = 9;
                        break;
                    default:
                        if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                            m.kind = d.kind;
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.ppid != null) {
                    if ($Number(d.ppid) !== 0) {
                        m.ppid = d.ppid >>> 0;
                    }
                }
                if (d.command != null) {
                    if (typeof d.command !== "string" || d.command.length) {
                        m.command = $String(d.command);
                    }
                }
                if (d.exitCode != null) {
                    m.exitCode = d.exitCode | 0;
                }
                if (d.signal != null) {
                    if (typeof d.signal !== "string" || d.signal.length) {
                        m.signal = $String(d.signal);
                    }
                }
                if (d.host != null) {
                    if (typeof d.host !== "string" || d.host.length) {
                        m.host = $String(d.host);
                    }
                }
                if (d.containerId != null) {
                    if (typeof d.containerId !== "string" || d.containerId.length) {
                        m.containerId = $String(d.containerId);
                    }
                }
                if (d.image != null) {
                    if (typeof d.image !== "string" || d.image.length) {
                        m.image = $String(d.image);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".runbus.v1.Lifecycle.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.createdAtMs != null) {
                    if (typeof d.createdAtMs === "object" ? d.createdAtMs.low || d.createdAtMs.high : $Number(d.createdAtMs) !== 0) {
                        if ($util.Long)
                            m.createdAtMs = $util.Long.fromValue(d.createdAtMs, false);
                        else if (typeof d.createdAtMs === "string")
                            m.createdAtMs = $parseInt(d.createdAtMs, 10);
                        else if (typeof d.createdAtMs === "number")
                            m.createdAtMs = d.createdAtMs;
                        else if (typeof d.createdAtMs === "object")
                            m.createdAtMs = new $util.LongBits(d.createdAtMs.low >>> 0, d.createdAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.previousComponent != null) {
                    if (typeof d.previousComponent !== "string" || d.previousComponent.length) {
                        m.previousComponent = $String(d.previousComponent);
                    }
                }
                return m;
            };

            Lifecycle.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.kind = o.enums === $String ? "LIFECYCLE_KIND_UNSPECIFIED" : 0;
                    d.component = "";
                    d.pid = 0;
                    d.ppid = 0;
                    d.command = "";
                    d.signal = "";
                    d.host = "";
                    d.containerId = "";
                    d.image = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.createdAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.createdAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.previousComponent = "";
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = o.enums === $String ? $root.runbus.v1.LifecycleKind[m.kind] === $undefined ? m.kind : $root.runbus.v1.LifecycleKind[m.kind] : m.kind;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.ppid != null && $Object.hasOwnProperty.call(m, "ppid")) {
                    d.ppid = m.ppid;
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = m.command;
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    d.exitCode = m.exitCode;
                }
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal")) {
                    d.signal = m.signal;
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = m.host;
                }
                if (m.containerId != null && $Object.hasOwnProperty.call(m, "containerId")) {
                    d.containerId = m.containerId;
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    d.image = m.image;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.createdAtMs != null && $Object.hasOwnProperty.call(m, "createdAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.createdAtMs = typeof m.createdAtMs === "number" ? $BigInt(m.createdAtMs) : $util.Long.fromBits(m.createdAtMs.low >>> 0, m.createdAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.createdAtMs === "number")
                        d.createdAtMs = o.longs === $String ? $String(m.createdAtMs) : m.createdAtMs;
                    else
                        d.createdAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.createdAtMs) : o.longs === $Number ? new $util.LongBits(m.createdAtMs.low >>> 0, m.createdAtMs.high >>> 0).toNumber() : m.createdAtMs;
                }
                if (m.previousComponent != null && $Object.hasOwnProperty.call(m, "previousComponent")) {
                    d.previousComponent = m.previousComponent;
                }
                return d;
            };

            Lifecycle.prototype.toJSON = function() {
                return Lifecycle.toObject(this, $protobuf.util.toJSONOptions);
            };

            Lifecycle.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Lifecycle";
            };

            return Lifecycle;
        })();

        v1.ContainerSnapshot = (function() {

            const ContainerSnapshot = function (p) {
                this.errors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ContainerSnapshot.prototype.tsMs = 0;
            ContainerSnapshot.prototype.runId = "";
            ContainerSnapshot.prototype.containerId = "";
            ContainerSnapshot.prototype.name = "";
            ContainerSnapshot.prototype.image = "";
            ContainerSnapshot.prototype.pid = 0;
            ContainerSnapshot.prototype.cpuPercent = null;
            ContainerSnapshot.prototype.memBytes = null;
            ContainerSnapshot.prototype.memLimitBytes = null;
            ContainerSnapshot.prototype.pids = null;
            ContainerSnapshot.prototype.ioReadBytes = null;
            ContainerSnapshot.prototype.ioWriteBytes = null;
            ContainerSnapshot.prototype.cpuMs = null;
            ContainerSnapshot.prototype.source = "";
            ContainerSnapshot.prototype.stale = false;
            ContainerSnapshot.prototype.errors = $util.emptyArray;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_cpuPercent", {
                get: $util.oneOfGetter($oneOfFields = ["cpuPercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_memBytes", {
                get: $util.oneOfGetter($oneOfFields = ["memBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_memLimitBytes", {
                get: $util.oneOfGetter($oneOfFields = ["memLimitBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_pids", {
                get: $util.oneOfGetter($oneOfFields = ["pids"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_ioReadBytes", {
                get: $util.oneOfGetter($oneOfFields = ["ioReadBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_ioWriteBytes", {
                get: $util.oneOfGetter($oneOfFields = ["ioWriteBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ContainerSnapshot.prototype, "_cpuMs", {
                get: $util.oneOfGetter($oneOfFields = ["cpuMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ContainerSnapshot.create = function(properties) {
                return new ContainerSnapshot(properties);
            };

            ContainerSnapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.containerId != null && $Object.hasOwnProperty.call(m, "containerId") && m.containerId !== "")
                    w.uint32(26).string(m.containerId);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(34).string(m.name);
                if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                    w.uint32(42).string(m.image);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(48).uint32(m.pid);
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent"))
                    w.uint32(57).double(m.cpuPercent);
                if (m.memBytes != null && $Object.hasOwnProperty.call(m, "memBytes"))
                    w.uint32(64).uint64(m.memBytes);
                if (m.memLimitBytes != null && $Object.hasOwnProperty.call(m, "memLimitBytes"))
                    w.uint32(72).uint64(m.memLimitBytes);
                if (m.pids != null && $Object.hasOwnProperty.call(m, "pids"))
                    w.uint32(80).uint32(m.pids);
                if (m.ioReadBytes != null && $Object.hasOwnProperty.call(m, "ioReadBytes"))
                    w.uint32(88).uint64(m.ioReadBytes);
                if (m.ioWriteBytes != null && $Object.hasOwnProperty.call(m, "ioWriteBytes"))
                    w.uint32(96).uint64(m.ioWriteBytes);
                if (m.cpuMs != null && $Object.hasOwnProperty.call(m, "cpuMs"))
                    w.uint32(105).double(m.cpuMs);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(114).string(m.source);
                if (m.stale != null && $Object.hasOwnProperty.call(m, "stale") && m.stale !== false)
                    w.uint32(120).bool(m.stale);
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        $root.runbus.v1.FigureError.encode(m.errors[i], w.uint32(130).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ContainerSnapshot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            ContainerSnapshot.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.ContainerSnapshot();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.containerId = v;
                            else
                                delete m.containerId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.image = v;
                            else
                                delete m.image;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            m.cpuPercent = r.double();
                            m._cpuPercent = "cpuPercent";
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            m.memBytes = r.uint64();
                            m._memBytes = "memBytes";
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            m.memLimitBytes = r.uint64();
                            m._memLimitBytes = "memLimitBytes";
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            m.pids = r.uint32();
                            m._pids = "pids";
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            m.ioReadBytes = r.uint64();
                            m._ioReadBytes = "ioReadBytes";
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            m.ioWriteBytes = r.uint64();
                            m._ioWriteBytes = "ioWriteBytes";
                            continue;
                        }
                    case 13: {
                            if (u !== 1)
                                break;
                            m.cpuMs = r.double();
                            m._cpuMs = "cpuMs";
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.stale = v;
                            else
                                delete m.stale;
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push($root.runbus.v1.FigureError.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ContainerSnapshot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            ContainerSnapshot.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.containerId != null && $Object.hasOwnProperty.call(m, "containerId")) {
                    if (!$util.isString(m.containerId))
                        return "containerId: string expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    if (!$util.isString(m.image))
                        return "image: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent")) {
                    p._cpuPercent = 1;
                    if (typeof m.cpuPercent !== "number")
                        return "cpuPercent: number expected";
                }
                if (m.memBytes != null && $Object.hasOwnProperty.call(m, "memBytes")) {
                    p._memBytes = 1;
                    if (!$util.isInteger(m.memBytes) && !(m.memBytes && $util.isInteger(m.memBytes.low) && $util.isInteger(m.memBytes.high)))
                        return "memBytes: integer|Long expected";
                }
                if (m.memLimitBytes != null && $Object.hasOwnProperty.call(m, "memLimitBytes")) {
                    p._memLimitBytes = 1;
                    if (!$util.isInteger(m.memLimitBytes) && !(m.memLimitBytes && $util.isInteger(m.memLimitBytes.low) && $util.isInteger(m.memLimitBytes.high)))
                        return "memLimitBytes: integer|Long expected";
                }
                if (m.pids != null && $Object.hasOwnProperty.call(m, "pids")) {
                    p._pids = 1;
                    if (!$util.isInteger(m.pids))
                        return "pids: integer expected";
                }
                if (m.ioReadBytes != null && $Object.hasOwnProperty.call(m, "ioReadBytes")) {
                    p._ioReadBytes = 1;
                    if (!$util.isInteger(m.ioReadBytes) && !(m.ioReadBytes && $util.isInteger(m.ioReadBytes.low) && $util.isInteger(m.ioReadBytes.high)))
                        return "ioReadBytes: integer|Long expected";
                }
                if (m.ioWriteBytes != null && $Object.hasOwnProperty.call(m, "ioWriteBytes")) {
                    p._ioWriteBytes = 1;
                    if (!$util.isInteger(m.ioWriteBytes) && !(m.ioWriteBytes && $util.isInteger(m.ioWriteBytes.low) && $util.isInteger(m.ioWriteBytes.high)))
                        return "ioWriteBytes: integer|Long expected";
                }
                if (m.cpuMs != null && $Object.hasOwnProperty.call(m, "cpuMs")) {
                    p._cpuMs = 1;
                    if (typeof m.cpuMs !== "number")
                        return "cpuMs: number expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.stale != null && $Object.hasOwnProperty.call(m, "stale")) {
                    if (typeof m.stale !== "boolean")
                        return "stale: boolean expected";
                }
                if (m.errors != null && $Object.hasOwnProperty.call(m, "errors")) {
                    if (!$Array.isArray(m.errors))
                        return "errors: array expected";
                    for (var i = 0; i < m.errors.length; ++i) {
                        {
                            var e = $root.runbus.v1.FigureError.verify(m.errors[i], q + 1);
                            if (e)
                                return "errors." + e;
                        }
                    }
                }
                return null;
            };

            ContainerSnapshot.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.ContainerSnapshot)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.ContainerSnapshot: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.ContainerSnapshot();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.containerId != null) {
                    if (typeof d.containerId !== "string" || d.containerId.length) {
                        m.containerId = $String(d.containerId);
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.image != null) {
                    if (typeof d.image !== "string" || d.image.length) {
                        m.image = $String(d.image);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.cpuPercent != null) {
                    m.cpuPercent = $Number(d.cpuPercent);
                }
                if (d.memBytes != null) {
                    if ($util.Long)
                        m.memBytes = $util.Long.fromValue(d.memBytes, true);
                    else if (typeof d.memBytes === "string")
                        m.memBytes = $parseInt(d.memBytes, 10);
                    else if (typeof d.memBytes === "number")
                        m.memBytes = d.memBytes;
                    else if (typeof d.memBytes === "object")
                        m.memBytes = new $util.LongBits(d.memBytes.low >>> 0, d.memBytes.high >>> 0).toNumber(true);
                }
                if (d.memLimitBytes != null) {
                    if ($util.Long)
                        m.memLimitBytes = $util.Long.fromValue(d.memLimitBytes, true);
                    else if (typeof d.memLimitBytes === "string")
                        m.memLimitBytes = $parseInt(d.memLimitBytes, 10);
                    else if (typeof d.memLimitBytes === "number")
                        m.memLimitBytes = d.memLimitBytes;
                    else if (typeof d.memLimitBytes === "object")
                        m.memLimitBytes = new $util.LongBits(d.memLimitBytes.low >>> 0, d.memLimitBytes.high >>> 0).toNumber(true);
                }
                if (d.pids != null) {
                    m.pids = d.pids >>> 0;
                }
                if (d.ioReadBytes != null) {
                    if ($util.Long)
                        m.ioReadBytes = $util.Long.fromValue(d.ioReadBytes, true);
                    else if (typeof d.ioReadBytes === "string")
                        m.ioReadBytes = $parseInt(d.ioReadBytes, 10);
                    else if (typeof d.ioReadBytes === "number")
                        m.ioReadBytes = d.ioReadBytes;
                    else if (typeof d.ioReadBytes === "object")
                        m.ioReadBytes = new $util.LongBits(d.ioReadBytes.low >>> 0, d.ioReadBytes.high >>> 0).toNumber(true);
                }
                if (d.ioWriteBytes != null) {
                    if ($util.Long)
                        m.ioWriteBytes = $util.Long.fromValue(d.ioWriteBytes, true);
                    else if (typeof d.ioWriteBytes === "string")
                        m.ioWriteBytes = $parseInt(d.ioWriteBytes, 10);
                    else if (typeof d.ioWriteBytes === "number")
                        m.ioWriteBytes = d.ioWriteBytes;
                    else if (typeof d.ioWriteBytes === "object")
                        m.ioWriteBytes = new $util.LongBits(d.ioWriteBytes.low >>> 0, d.ioWriteBytes.high >>> 0).toNumber(true);
                }
                if (d.cpuMs != null) {
                    m.cpuMs = $Number(d.cpuMs);
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.stale != null) {
                    if (d.stale) {
                        m.stale = $Boolean(d.stale);
                    }
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".runbus.v1.ContainerSnapshot.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        if (!$util.isObject(d.errors[i]))
                            throw $TypeError(".runbus.v1.ContainerSnapshot.errors: object expected");
                        m.errors[i] = $root.runbus.v1.FigureError.fromObject(d.errors[i], q + 1);
                    }
                }
                return m;
            };

            ContainerSnapshot.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.errors = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.runId = "";
                    d.containerId = "";
                    d.name = "";
                    d.image = "";
                    d.pid = 0;
                    d.source = "";
                    d.stale = false;
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.containerId != null && $Object.hasOwnProperty.call(m, "containerId")) {
                    d.containerId = m.containerId;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    d.image = m.image;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent")) {
                    d.cpuPercent = o.json && !$isFinite(m.cpuPercent) ? $String(m.cpuPercent) : m.cpuPercent;
                }
                if (m.memBytes != null && $Object.hasOwnProperty.call(m, "memBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memBytes = typeof m.memBytes === "number" ? $BigInt(m.memBytes) : $util.Long.fromBits(m.memBytes.low >>> 0, m.memBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.memBytes === "number")
                        d.memBytes = o.longs === $String ? $String(m.memBytes) : m.memBytes;
                    else
                        d.memBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.memBytes) : o.longs === $Number ? new $util.LongBits(m.memBytes.low >>> 0, m.memBytes.high >>> 0).toNumber(true) : m.memBytes;
                }
                if (m.memLimitBytes != null && $Object.hasOwnProperty.call(m, "memLimitBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memLimitBytes = typeof m.memLimitBytes === "number" ? $BigInt(m.memLimitBytes) : $util.Long.fromBits(m.memLimitBytes.low >>> 0, m.memLimitBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.memLimitBytes === "number")
                        d.memLimitBytes = o.longs === $String ? $String(m.memLimitBytes) : m.memLimitBytes;
                    else
                        d.memLimitBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.memLimitBytes) : o.longs === $Number ? new $util.LongBits(m.memLimitBytes.low >>> 0, m.memLimitBytes.high >>> 0).toNumber(true) : m.memLimitBytes;
                }
                if (m.pids != null && $Object.hasOwnProperty.call(m, "pids")) {
                    d.pids = m.pids;
                }
                if (m.ioReadBytes != null && $Object.hasOwnProperty.call(m, "ioReadBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ioReadBytes = typeof m.ioReadBytes === "number" ? $BigInt(m.ioReadBytes) : $util.Long.fromBits(m.ioReadBytes.low >>> 0, m.ioReadBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.ioReadBytes === "number")
                        d.ioReadBytes = o.longs === $String ? $String(m.ioReadBytes) : m.ioReadBytes;
                    else
                        d.ioReadBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.ioReadBytes) : o.longs === $Number ? new $util.LongBits(m.ioReadBytes.low >>> 0, m.ioReadBytes.high >>> 0).toNumber(true) : m.ioReadBytes;
                }
                if (m.ioWriteBytes != null && $Object.hasOwnProperty.call(m, "ioWriteBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ioWriteBytes = typeof m.ioWriteBytes === "number" ? $BigInt(m.ioWriteBytes) : $util.Long.fromBits(m.ioWriteBytes.low >>> 0, m.ioWriteBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.ioWriteBytes === "number")
                        d.ioWriteBytes = o.longs === $String ? $String(m.ioWriteBytes) : m.ioWriteBytes;
                    else
                        d.ioWriteBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.ioWriteBytes) : o.longs === $Number ? new $util.LongBits(m.ioWriteBytes.low >>> 0, m.ioWriteBytes.high >>> 0).toNumber(true) : m.ioWriteBytes;
                }
                if (m.cpuMs != null && $Object.hasOwnProperty.call(m, "cpuMs")) {
                    d.cpuMs = o.json && !$isFinite(m.cpuMs) ? $String(m.cpuMs) : m.cpuMs;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.stale != null && $Object.hasOwnProperty.call(m, "stale")) {
                    d.stale = m.stale;
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = $root.runbus.v1.FigureError.toObject(m.errors[j], o, q + 1);
                    }
                }
                return d;
            };

            ContainerSnapshot.prototype.toJSON = function() {
                return ContainerSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            ContainerSnapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.ContainerSnapshot";
            };

            return ContainerSnapshot;
        })();

        v1.Envelope = (function() {

            const Envelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Envelope.prototype.topic = 0;
            Envelope.prototype.resource = null;
            Envelope.prototype.host = null;
            Envelope.prototype.gpu = null;
            Envelope.prototype.metric = null;
            Envelope.prototype.alert = null;
            Envelope.prototype.heartbeat = null;
            Envelope.prototype.lifecycle = null;
            Envelope.prototype.container = null;

            let $oneOfFields;

            $Object.defineProperty(Envelope.prototype, "payload", {
                get: $util.oneOfGetter($oneOfFields = ["resource", "host", "gpu", "metric", "alert", "heartbeat", "lifecycle", "container"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== 0)
                    w.uint32(8).int32(m.topic);
                if (m.resource != null && $Object.hasOwnProperty.call(m, "resource"))
                    $root.runbus.v1.ResourceSnapshot.encode(m.resource, w.uint32(18).fork(), q + 1).ldelim();
                if (m.host != null && $Object.hasOwnProperty.call(m, "host"))
                    $root.runbus.v1.HostSnapshot.encode(m.host, w.uint32(26).fork(), q + 1).ldelim();
                if (m.gpu != null && $Object.hasOwnProperty.call(m, "gpu"))
                    $root.runbus.v1.GpuSnapshot.encode(m.gpu, w.uint32(34).fork(), q + 1).ldelim();
                if (m.metric != null && $Object.hasOwnProperty.call(m, "metric"))
                    $root.runbus.v1.MetricSample.encode(m.metric, w.uint32(42).fork(), q + 1).ldelim();
                if (m.alert != null && $Object.hasOwnProperty.call(m, "alert"))
                    $root.runbus.v1.Alert.encode(m.alert, w.uint32(50).fork(), q + 1).ldelim();
                if (m.heartbeat != null && $Object.hasOwnProperty.call(m, "heartbeat"))
                    $root.runbus.v1.Heartbeat.encode(m.heartbeat, w.uint32(58).fork(), q + 1).ldelim();
                if (m.lifecycle != null && $Object.hasOwnProperty.call(m, "lifecycle"))
                    $root.runbus.v1.Lifecycle.encode(m.lifecycle, w.uint32(66).fork(), q + 1).ldelim();
                if (m.container != null && $Object.hasOwnProperty.call(m, "container"))
                    $root.runbus.v1.ContainerSnapshot.encode(m.container, w.uint32(74).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.topic = v;
                            else
                                delete m.topic;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.resource = $root.runbus.v1.ResourceSnapshot.decode(r, r.size(), $undefined, q + 1, m.resource);
                            m.payload = "resource";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.host = $root.runbus.v1.HostSnapshot.decode(r, r.size(), $undefined, q + 1, m.host);
                            m.payload = "host";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.gpu = $root.runbus.v1.GpuSnapshot.decode(r, r.size(), $undefined, q + 1, m.gpu);
                            m.payload = "gpu";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.metric = $root.runbus.v1.MetricSample.decode(r, r.size(), $undefined, q + 1, m.metric);
                            m.payload = "metric";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.alert = $root.runbus.v1.Alert.decode(r, r.size(), $undefined, q + 1, m.alert);
                            m.payload = "alert";
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.heartbeat = $root.runbus.v1.Heartbeat.decode(r, r.size(), $undefined, q + 1, m.heartbeat);
                            m.payload = "heartbeat";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.lifecycle = $root.runbus.v1.Lifecycle.decode(r, r.size(), $undefined, q + 1, m.lifecycle);
                            m.payload = "lifecycle";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.container = $root.runbus.v1.ContainerSnapshot.decode(r, r.size(), $undefined, q + 1, m.container);
                            m.payload = "container";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Envelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic")) {
                    if (typeof m.topic !== "number" || (m.topic | 0) !== m.topic)
                        return "topic: enum value expected";
                }
                if (m.resource != null && $Object.hasOwnProperty.call(m, "resource")) {
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.ResourceSnapshot.verify(m.resource, q + 1);
                        if (e)
                            return "resource." + e;
                    }
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.HostSnapshot.verify(m.host, q + 1);
                        if (e)
                            return "host." + e;
                    }
                }
                if (m.gpu != null && $Object.hasOwnProperty.call(m, "gpu")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.GpuSnapshot.verify(m.gpu, q + 1);
                        if (e)
                            return "gpu." + e;
                    }
                }
                if (m.metric != null && $Object.hasOwnProperty.call(m, "metric")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.MetricSample.verify(m.metric, q + 1);
                        if (e)
                            return "metric." + e;
                    }
                }
                if (m.alert != null && $Object.hasOwnProperty.call(m, "alert")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.Alert.verify(m.alert, q + 1);
                        if (e)
                            return "alert." + e;
                    }
                }
                if (m.heartbeat != null && $Object.hasOwnProperty.call(m, "heartbeat")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.Heartbeat.verify(m.heartbeat, q + 1);
                        if (e)
                            return "heartbeat." + e;
                    }
                }
                if (m.lifecycle != null && $Object.hasOwnProperty.call(m, "lifecycle")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.Lifecycle.verify(m.lifecycle, q + 1);
                        if (e)
                            return "lifecycle." + e;
                    }
                }
                if (m.container != null && $Object.hasOwnProperty.call(m, "container")) {
                    if (p.payload === 1)
                        return "payload: multiple values";
                    p.payload = 1;
                    {
                        var e = $root.runbus.v1.ContainerSnapshot.verify(m.container, q + 1);
                        if (e)
                            return "container." + e;
                    }
                }
                return null;
            };

            Envelope.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Envelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Envelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Envelope();
                if (d.topic !== 0 && (typeof d.topic !== "string" || $root.runbus.v1.Topic[d.topic] !== 0)) {
                    switch (d.topic) {
                    case "TOPIC_UNSPECIFIED":
                    case 0:
                        m.topic = 0;
                        break;
                    case "RESOURCE":
                    case 1:
                        m.topic = 1;
                        break;
                    case "HOST":
                    case 2:
                        m.topic = 2;
                        break;
                    case "GPU":
                    case 3:
                        m.topic = 3;
                        break;
                    case "METRIC":
                    case 4:
                        m.topic = 4;
                        break;
                    case "ALERT":
                    case 5:
                        m.topic = 5;
                        break;
                    case "HEARTBEAT":
                    case 6:
                        m.topic = 6;
                        break;
                    case "LIFECYCLE":
                    case 7:
                        m.topic = 7;
                        break;
                    case "CONTAINER":
                    case 8:
                        m.topic = 8;
                        break;
                    default:
                        if (typeof d.topic === "number" && (d.topic | 0) === d.topic)
                            m.topic = d.topic;
                    }
                }
                if (d.resource != null) {
                    if (!$util.isObject(d.resource))
                        throw $TypeError(".runbus.v1.Envelope.resource: object expected");
                    m.resource = $root.runbus.v1.ResourceSnapshot.fromObject(d.resource, q + 1);
                }
                if (d.host != null) {
                    if (!$util.isObject(d.host))
                        throw $TypeError(".runbus.v1.Envelope.host: object expected");
                    m.host = $root.runbus.v1.HostSnapshot.fromObject(d.host, q + 1);
                }
                if (d.gpu != null) {
                    if (!$util.isObject(d.gpu))
                        throw $TypeError(".runbus.v1.Envelope.gpu: object expected");
                    m.gpu = $root.runbus.v1.GpuSnapshot.fromObject(d.gpu, q + 1);
                }
                if (d.metric != null) {
                    if (!$util.isObject(d.metric))
                        throw $TypeError(".runbus.v1.Envelope.metric: object expected");
                    m.metric = $root.runbus.v1.MetricSample.fromObject(d.metric, q + 1);
                }
                if (d.alert != null) {
                    if (!$util.isObject(d.alert))
                        throw $TypeError(".runbus.v1.Envelope.alert: object expected");
                    m.alert = $root.runbus.v1.Alert.fromObject(d.alert, q + 1);
                }
                if (d.heartbeat != null) {
                    if (!$util.isObject(d.heartbeat))
                        throw $TypeError(".runbus.v1.Envelope.heartbeat: object expected");
                    m.heartbeat = $root.runbus.v1.Heartbeat.fromObject(d.heartbeat, q + 1);
                }
                if (d.lifecycle != null) {
                    if (!$util.isObject(d.lifecycle))
                        throw $TypeError(".runbus.v1.Envelope.lifecycle: object expected");
                    m.lifecycle = $root.runbus.v1.Lifecycle.fromObject(d.lifecycle, q + 1);
                }
                if (d.container != null) {
                    if (!$util.isObject(d.container))
                        throw $TypeError(".runbus.v1.Envelope.container: object expected");
                    m.container = $root.runbus.v1.ContainerSnapshot.fromObject(d.container, q + 1);
                }
                return m;
            };

            Envelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.topic = o.enums === $String ? "TOPIC_UNSPECIFIED" : 0;
                }
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic")) {
                    d.topic = o.enums === $String ? $root.runbus.v1.Topic[m.topic] === $undefined ? m.topic : $root.runbus.v1.Topic[m.topic] : m.topic;
                }
                if (m.resource != null && $Object.hasOwnProperty.call(m, "resource")) {
                    d.resource = $root.runbus.v1.ResourceSnapshot.toObject(m.resource, o, q + 1);
                    if (o.oneofs)
                        d.payload = "resource";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = $root.runbus.v1.HostSnapshot.toObject(m.host, o, q + 1);
                    if (o.oneofs)
                        d.payload = "host";
                }
                if (m.gpu != null && $Object.hasOwnProperty.call(m, "gpu")) {
                    d.gpu = $root.runbus.v1.GpuSnapshot.toObject(m.gpu, o, q + 1);
                    if (o.oneofs)
                        d.payload = "gpu";
                }
                if (m.metric != null && $Object.hasOwnProperty.call(m, "metric")) {
                    d.metric = $root.runbus.v1.MetricSample.toObject(m.metric, o, q + 1);
                    if (o.oneofs)
                        d.payload = "metric";
                }
                if (m.alert != null && $Object.hasOwnProperty.call(m, "alert")) {
                    d.alert = $root.runbus.v1.Alert.toObject(m.alert, o, q + 1);
                    if (o.oneofs)
                        d.payload = "alert";
                }
                if (m.heartbeat != null && $Object.hasOwnProperty.call(m, "heartbeat")) {
                    d.heartbeat = $root.runbus.v1.Heartbeat.toObject(m.heartbeat, o, q + 1);
                    if (o.oneofs)
                        d.payload = "heartbeat";
                }
                if (m.lifecycle != null && $Object.hasOwnProperty.call(m, "lifecycle")) {
                    d.lifecycle = $root.runbus.v1.Lifecycle.toObject(m.lifecycle, o, q + 1);
                    if (o.oneofs)
                        d.payload = "lifecycle";
                }
                if (m.container != null && $Object.hasOwnProperty.call(m, "container")) {
                    d.container = $root.runbus.v1.ContainerSnapshot.toObject(m.container, o, q + 1);
                    if (o.oneofs)
                        d.payload = "container";
                }
                return d;
            };

            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Envelope";
            };

            return Envelope;
        })();

        v1.Hello = (function() {

            const Hello = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Hello.prototype.protocolVersion = 0;
            Hello.prototype.component = "";
            Hello.prototype.pid = 0;
            Hello.prototype.runId = "";
            Hello.prototype.token = "";

            Hello.create = function(properties) {
                return new Hello(properties);
            };

            Hello.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion") && m.protocolVersion !== 0)
                    w.uint32(8).uint32(m.protocolVersion);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(18).string(m.component);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(24).uint32(m.pid);
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(34).string(m.runId);
                if (m.token != null && $Object.hasOwnProperty.call(m, "token") && m.token !== "")
                    w.uint32(42).string(m.token);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Hello.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Hello.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Hello();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolVersion = v;
                            else
                                delete m.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.token = v;
                            else
                                delete m.token;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Hello.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Hello.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion")) {
                    if (!$util.isInteger(m.protocolVersion))
                        return "protocolVersion: integer expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.token != null && $Object.hasOwnProperty.call(m, "token")) {
                    if (!$util.isString(m.token))
                        return "token: string expected";
                }
                return null;
            };

            Hello.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Hello)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Hello: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Hello();
                if (d.protocolVersion != null) {
                    if ($Number(d.protocolVersion) !== 0) {
                        m.protocolVersion = d.protocolVersion >>> 0;
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.token != null) {
                    if (typeof d.token !== "string" || d.token.length) {
                        m.token = $String(d.token);
                    }
                }
                return m;
            };

            Hello.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.protocolVersion = 0;
                    d.component = "";
                    d.pid = 0;
                    d.runId = "";
                    d.token = "";
                }
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion")) {
                    d.protocolVersion = m.protocolVersion;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.token != null && $Object.hasOwnProperty.call(m, "token")) {
                    d.token = m.token;
                }
                return d;
            };

            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            Hello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Hello";
            };

            return Hello;
        })();

        v1.Publish = (function() {

            const Publish = function (p) {
                this.envelopes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Publish.prototype.envelopes = $util.emptyArray;

            Publish.create = function(properties) {
                return new Publish(properties);
            };

            Publish.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.envelopes != null && m.envelopes.length) {
                    for (var i = 0; i < m.envelopes.length; ++i)
                        $root.runbus.v1.Envelope.encode(m.envelopes[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Publish.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Publish.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Publish();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.envelopes && m.envelopes.length))
                                m.envelopes = [];
                            m.envelopes.push($root.runbus.v1.Envelope.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Publish.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Publish.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.envelopes != null && $Object.hasOwnProperty.call(m, "envelopes")) {
                    if (!$Array.isArray(m.envelopes))
                        return "envelopes: array expected";
                    for (var i = 0; i < m.envelopes.length; ++i) {
                        {
                            var e = $root.runbus.v1.Envelope.verify(m.envelopes[i], q + 1);
                            if (e)
                                return "envelopes." + e;
                        }
                    }
                }
                return null;
            };

            Publish.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Publish)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Publish: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Publish();
                if (d.envelopes) {
                    if (!$Array.isArray(d.envelopes))
                        throw $TypeError(".runbus.v1.Publish.envelopes: array expected");
                    m.envelopes = $Array(d.envelopes.length);
                    for (var i = 0; i < d.envelopes.length; ++i) {
                        if (!$util.isObject(d.envelopes[i]))
                            throw $TypeError(".runbus.v1.Publish.envelopes: object expected");
                        m.envelopes[i] = $root.runbus.v1.Envelope.fromObject(d.envelopes[i], q + 1);
                    }
                }
                return m;
            };

            Publish.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.envelopes = [];
                }
                if (m.envelopes && m.envelopes.length) {
                    d.envelopes = $Array(m.envelopes.length);
                    for (var j = 0; j < m.envelopes.length; ++j) {
                        d.envelopes[j] = $root.runbus.v1.Envelope.toObject(m.envelopes[j], o, q + 1);
                    }
                }
                return d;
            };

            Publish.prototype.toJSON = function() {
                return Publish.toObject(this, $protobuf.util.toJSONOptions);
            };

            Publish.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Publish";
            };

            return Publish;
        })();

        v1.Subscribe = (function() {

            const Subscribe = function (p) {
                this.topics = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Subscribe.prototype.topics = $util.emptyArray;
            Subscribe.prototype.runId = "";
            Subscribe.prototype.component = "";

            Subscribe.create = function(properties) {
                return new Subscribe(properties);
            };

            Subscribe.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.topics != null && m.topics.length) {
                    w.uint32(10).int32s(m.topics);
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(18).string(m.runId);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(26).string(m.component);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Subscribe.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Subscribe.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Subscribe();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u === 2) {
                                if (!(m.topics && m.topics.length))
                                    m.topics = [];
                                r.int32s(m.topics);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.topics && m.topics.length))
                                m.topics = [];
                            m.topics.push(r.int32());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Subscribe.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Subscribe.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.topics != null && $Object.hasOwnProperty.call(m, "topics")) {
                    if (!$Array.isArray(m.topics))
                        return "topics: array expected";
                    for (var i = 0; i < m.topics.length; ++i) {
                        if (typeof m.topics[i] !== "number" || (m.topics[i] | 0) !== m.topics[i])
                            return "topics: enum value[] expected";
                    }
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                return null;
            };

            Subscribe.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Subscribe)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Subscribe: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Subscribe();
                if (d.topics) {
                    if (!$Array.isArray(d.topics))
                        throw $TypeError(".runbus.v1.Subscribe.topics: array expected");
                    m.topics = [];
                    for (var i = 0; i < d.topics.length; ++i) {
                        switch (d.topics[i]) {
                        case "TOPIC_UNSPECIFIED":
                        case 0:
                            m.topics[m.topics.length] = 0;
                            break;
                        case "RESOURCE":
                        case 1:
                            m.topics[m.topics.length] = 1;
                            break;
                        case "HOST":
                        case 2:
                            m.topics[m.topics.length] = 2;
                            break;
                        case "GPU":
                        case 3:
                            m.topics[m.topics.length] = 3;
                            break;
                        case "METRIC":
                        case 4:
                            m.topics[m.topics.length] = 4;
                            break;
                        case "ALERT":
                        case 5:
                            m.topics[m.topics.length] = 5;
                            break;
                        case "HEARTBEAT":
                        case 6:
                            m.topics[m.topics.length] = 6;
                            break;
                        case "LIFECYCLE":
                        case 7:
                            m.topics[m.topics.length] = 7;
                            break;
                        case "CONTAINER":
                        case 8:
                            m.topics[m.topics.length] = 8;
                            break;
                        default:
                            if (typeof d.topics[i] === "number" && (d.topics[i] | 0) === d.topics[i])
                                m.topics[m.topics.length] = d.topics[i];
                        }
                    }
                }
                if (d.runId != null) {
                    if (typeof d.runId !== "string" || d.runId.length) {
                        m.runId = $String(d.runId);
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                return m;
            };

            Subscribe.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.topics = [];
                }
                if (o.defaults) {
                    d.runId = "";
                    d.component = "";
                }
                if (m.topics && m.topics.length) {
                    d.topics = $Array(m.topics.length);
                    for (var j = 0; j < m.topics.length; ++j) {
                        d.topics[j] = o.enums === $String ? $root.runbus.v1.Topic[m.topics[j]] === $undefined ? m.topics[j] : $root.runbus.v1.Topic[m.topics[j]] : m.topics[j];
                    }
                }
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    d.runId = m.runId;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                return d;
            };

            Subscribe.prototype.toJSON = function() {
                return Subscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            Subscribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Subscribe";
            };

            return Subscribe;
        })();

        v1.ErrorFrame = (function() {

            const ErrorFrame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ErrorFrame.prototype.code = "";
            ErrorFrame.prototype.message = "";

            ErrorFrame.create = function(properties) {
                return new ErrorFrame(properties);
            };

            ErrorFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(10).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(18).string(m.message);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ErrorFrame.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            ErrorFrame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.ErrorFrame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ErrorFrame.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            ErrorFrame.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                return null;
            };

            ErrorFrame.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.ErrorFrame)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.ErrorFrame: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.ErrorFrame();
                if (d.code != null) {
                    if (typeof d.code !== "string" || d.code.length) {
                        m.code = $String(d.code);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                return m;
            };

            ErrorFrame.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.code = "";
                    d.message = "";
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = m.code;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                return d;
            };

            ErrorFrame.prototype.toJSON = function() {
                return ErrorFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            ErrorFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.ErrorFrame";
            };

            return ErrorFrame;
        })();

        v1.Welcome = (function() {

            const Welcome = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Welcome.prototype.protocolVersion = 0;
            Welcome.prototype.pid = 0;
            Welcome.prototype.component = "";

            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            Welcome.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion") && m.protocolVersion !== 0)
                    w.uint32(8).uint32(m.protocolVersion);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(16).uint32(m.pid);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(26).string(m.component);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Welcome.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Welcome.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Welcome();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolVersion = v;
                            else
                                delete m.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Welcome.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Welcome.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion")) {
                    if (!$util.isInteger(m.protocolVersion))
                        return "protocolVersion: integer expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                return null;
            };

            Welcome.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Welcome)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Welcome: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Welcome();
                if (d.protocolVersion != null) {
                    if ($Number(d.protocolVersion) !== 0) {
                        m.protocolVersion = d.protocolVersion >>> 0;
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                return m;
            };

            Welcome.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.protocolVersion = 0;
                    d.pid = 0;
                    d.component = "";
                }
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion")) {
                    d.protocolVersion = m.protocolVersion;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                return d;
            };

            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            Welcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Welcome";
            };

            return Welcome;
        })();

        v1.LoopReport = (function() {

            const LoopReport = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LoopReport.prototype.tsMs = 0;
            LoopReport.prototype.loopLagP50Ms = null;
            LoopReport.prototype.loopLagP99Ms = null;
            LoopReport.prototype.loopLagMaxMs = null;
            LoopReport.prototype.loopUtilization = null;
            LoopReport.prototype.heapUsedBytes = null;
            LoopReport.prototype.heapTotalBytes = null;
            LoopReport.prototype.externalBytes = null;
            LoopReport.prototype.arrayBuffersBytes = null;
            LoopReport.prototype.gcMinorMs = null;
            LoopReport.prototype.gcMajorMs = null;
            LoopReport.prototype.gcIncrementalMs = null;
            LoopReport.prototype.gcWeakcbMs = null;
            LoopReport.prototype.activeResources = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_loopLagP50Ms", {
                get: $util.oneOfGetter($oneOfFields = ["loopLagP50Ms"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_loopLagP99Ms", {
                get: $util.oneOfGetter($oneOfFields = ["loopLagP99Ms"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_loopLagMaxMs", {
                get: $util.oneOfGetter($oneOfFields = ["loopLagMaxMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_loopUtilization", {
                get: $util.oneOfGetter($oneOfFields = ["loopUtilization"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_heapUsedBytes", {
                get: $util.oneOfGetter($oneOfFields = ["heapUsedBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_heapTotalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["heapTotalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_externalBytes", {
                get: $util.oneOfGetter($oneOfFields = ["externalBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_arrayBuffersBytes", {
                get: $util.oneOfGetter($oneOfFields = ["arrayBuffersBytes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_gcMinorMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcMinorMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_gcMajorMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcMajorMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_gcIncrementalMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcIncrementalMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_gcWeakcbMs", {
                get: $util.oneOfGetter($oneOfFields = ["gcWeakcbMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoopReport.prototype, "_activeResources", {
                get: $util.oneOfGetter($oneOfFields = ["activeResources"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            LoopReport.create = function(properties) {
                return new LoopReport(properties);
            };

            LoopReport.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs") && (typeof m.tsMs === "object" ? m.tsMs.low || m.tsMs.high : m.tsMs !== 0))
                    w.uint32(8).int64(m.tsMs);
                if (m.loopLagP50Ms != null && $Object.hasOwnProperty.call(m, "loopLagP50Ms"))
                    w.uint32(17).double(m.loopLagP50Ms);
                if (m.loopLagP99Ms != null && $Object.hasOwnProperty.call(m, "loopLagP99Ms"))
                    w.uint32(25).double(m.loopLagP99Ms);
                if (m.loopLagMaxMs != null && $Object.hasOwnProperty.call(m, "loopLagMaxMs"))
                    w.uint32(33).double(m.loopLagMaxMs);
                if (m.loopUtilization != null && $Object.hasOwnProperty.call(m, "loopUtilization"))
                    w.uint32(41).double(m.loopUtilization);
                if (m.heapUsedBytes != null && $Object.hasOwnProperty.call(m, "heapUsedBytes"))
                    w.uint32(48).uint64(m.heapUsedBytes);
                if (m.heapTotalBytes != null && $Object.hasOwnProperty.call(m, "heapTotalBytes"))
                    w.uint32(56).uint64(m.heapTotalBytes);
                if (m.externalBytes != null && $Object.hasOwnProperty.call(m, "externalBytes"))
                    w.uint32(64).uint64(m.externalBytes);
                if (m.arrayBuffersBytes != null && $Object.hasOwnProperty.call(m, "arrayBuffersBytes"))
                    w.uint32(72).uint64(m.arrayBuffersBytes);
                if (m.gcMinorMs != null && $Object.hasOwnProperty.call(m, "gcMinorMs"))
                    w.uint32(81).double(m.gcMinorMs);
                if (m.gcMajorMs != null && $Object.hasOwnProperty.call(m, "gcMajorMs"))
                    w.uint32(89).double(m.gcMajorMs);
                if (m.gcIncrementalMs != null && $Object.hasOwnProperty.call(m, "gcIncrementalMs"))
                    w.uint32(97).double(m.gcIncrementalMs);
                if (m.gcWeakcbMs != null && $Object.hasOwnProperty.call(m, "gcWeakcbMs"))
                    w.uint32(105).double(m.gcWeakcbMs);
                if (m.activeResources != null && $Object.hasOwnProperty.call(m, "activeResources"))
                    w.uint32(112).uint32(m.activeResources);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            LoopReport.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            LoopReport.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.LoopReport();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.tsMs = v;
                            else
                                delete m.tsMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.loopLagP50Ms = r.double();
                            m._loopLagP50Ms = "loopLagP50Ms";
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            m.loopLagP99Ms = r.double();
                            m._loopLagP99Ms = "loopLagP99Ms";
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            m.loopLagMaxMs = r.double();
                            m._loopLagMaxMs = "loopLagMaxMs";
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            m.loopUtilization = r.double();
                            m._loopUtilization = "loopUtilization";
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            m.heapUsedBytes = r.uint64();
                            m._heapUsedBytes = "heapUsedBytes";
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            m.heapTotalBytes = r.uint64();
                            m._heapTotalBytes = "heapTotalBytes";
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            m.externalBytes = r.uint64();
                            m._externalBytes = "externalBytes";
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            m.arrayBuffersBytes = r.uint64();
                            m._arrayBuffersBytes = "arrayBuffersBytes";
                            continue;
                        }
                    case 10: {
                            if (u !== 1)
                                break;
                            m.gcMinorMs = r.double();
                            m._gcMinorMs = "gcMinorMs";
                            continue;
                        }
                    case 11: {
                            if (u !== 1)
                                break;
                            m.gcMajorMs = r.double();
                            m._gcMajorMs = "gcMajorMs";
                            continue;
                        }
                    case 12: {
                            if (u !== 1)
                                break;
                            m.gcIncrementalMs = r.double();
                            m._gcIncrementalMs = "gcIncrementalMs";
                            continue;
                        }
                    case 13: {
                            if (u !== 1)
                                break;
                            m.gcWeakcbMs = r.double();
                            m._gcWeakcbMs = "gcWeakcbMs";
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            m.activeResources = r.uint32();
                            m._activeResources = "activeResources";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            LoopReport.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            LoopReport.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (!$util.isInteger(m.tsMs) && !(m.tsMs && $util.isInteger(m.tsMs.low) && $util.isInteger(m.tsMs.high)))
                        return "tsMs: integer|Long expected";
                }
                if (m.loopLagP50Ms != null && $Object.hasOwnProperty.call(m, "loopLagP50Ms")) {
                    p._loopLagP50Ms = 1;
                    if (typeof m.loopLagP50Ms !== "number")
                        return "loopLagP50Ms: number expected";
                }
                if (m.loopLagP99Ms != null && $Object.hasOwnProperty.call(m, "loopLagP99Ms")) {
                    p._loopLagP99Ms = 1;
                    if (typeof m.loopLagP99Ms !== "number")
                        return "loopLagP99Ms: number expected";
                }
                if (m.loopLagMaxMs != null && $Object.hasOwnProperty.call(m, "loopLagMaxMs")) {
                    p._loopLagMaxMs = 1;
                    if (typeof m.loopLagMaxMs !== "number")
                        return "loopLagMaxMs: number expected";
                }
                if (m.loopUtilization != null && $Object.hasOwnProperty.call(m, "loopUtilization")) {
                    p._loopUtilization = 1;
                    if (typeof m.loopUtilization !== "number")
                        return "loopUtilization: number expected";
                }
                if (m.heapUsedBytes != null && $Object.hasOwnProperty.call(m, "heapUsedBytes")) {
                    p._heapUsedBytes = 1;
                    if (!$util.isInteger(m.heapUsedBytes) && !(m.heapUsedBytes && $util.isInteger(m.heapUsedBytes.low) && $util.isInteger(m.heapUsedBytes.high)))
                        return "heapUsedBytes: integer|Long expected";
                }
                if (m.heapTotalBytes != null && $Object.hasOwnProperty.call(m, "heapTotalBytes")) {
                    p._heapTotalBytes = 1;
                    if (!$util.isInteger(m.heapTotalBytes) && !(m.heapTotalBytes && $util.isInteger(m.heapTotalBytes.low) && $util.isInteger(m.heapTotalBytes.high)))
                        return "heapTotalBytes: integer|Long expected";
                }
                if (m.externalBytes != null && $Object.hasOwnProperty.call(m, "externalBytes")) {
                    p._externalBytes = 1;
                    if (!$util.isInteger(m.externalBytes) && !(m.externalBytes && $util.isInteger(m.externalBytes.low) && $util.isInteger(m.externalBytes.high)))
                        return "externalBytes: integer|Long expected";
                }
                if (m.arrayBuffersBytes != null && $Object.hasOwnProperty.call(m, "arrayBuffersBytes")) {
                    p._arrayBuffersBytes = 1;
                    if (!$util.isInteger(m.arrayBuffersBytes) && !(m.arrayBuffersBytes && $util.isInteger(m.arrayBuffersBytes.low) && $util.isInteger(m.arrayBuffersBytes.high)))
                        return "arrayBuffersBytes: integer|Long expected";
                }
                if (m.gcMinorMs != null && $Object.hasOwnProperty.call(m, "gcMinorMs")) {
                    p._gcMinorMs = 1;
                    if (typeof m.gcMinorMs !== "number")
                        return "gcMinorMs: number expected";
                }
                if (m.gcMajorMs != null && $Object.hasOwnProperty.call(m, "gcMajorMs")) {
                    p._gcMajorMs = 1;
                    if (typeof m.gcMajorMs !== "number")
                        return "gcMajorMs: number expected";
                }
                if (m.gcIncrementalMs != null && $Object.hasOwnProperty.call(m, "gcIncrementalMs")) {
                    p._gcIncrementalMs = 1;
                    if (typeof m.gcIncrementalMs !== "number")
                        return "gcIncrementalMs: number expected";
                }
                if (m.gcWeakcbMs != null && $Object.hasOwnProperty.call(m, "gcWeakcbMs")) {
                    p._gcWeakcbMs = 1;
                    if (typeof m.gcWeakcbMs !== "number")
                        return "gcWeakcbMs: number expected";
                }
                if (m.activeResources != null && $Object.hasOwnProperty.call(m, "activeResources")) {
                    p._activeResources = 1;
                    if (!$util.isInteger(m.activeResources))
                        return "activeResources: integer expected";
                }
                return null;
            };

            LoopReport.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.LoopReport)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.LoopReport: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.LoopReport();
                if (d.tsMs != null) {
                    if (typeof d.tsMs === "object" ? d.tsMs.low || d.tsMs.high : $Number(d.tsMs) !== 0) {
                        if ($util.Long)
                            m.tsMs = $util.Long.fromValue(d.tsMs, false);
                        else if (typeof d.tsMs === "string")
                            m.tsMs = $parseInt(d.tsMs, 10);
                        else if (typeof d.tsMs === "number")
                            m.tsMs = d.tsMs;
                        else if (typeof d.tsMs === "object")
                            m.tsMs = new $util.LongBits(d.tsMs.low >>> 0, d.tsMs.high >>> 0).toNumber();
                    }
                }
                if (d.loopLagP50Ms != null) {
                    m.loopLagP50Ms = $Number(d.loopLagP50Ms);
                }
                if (d.loopLagP99Ms != null) {
                    m.loopLagP99Ms = $Number(d.loopLagP99Ms);
                }
                if (d.loopLagMaxMs != null) {
                    m.loopLagMaxMs = $Number(d.loopLagMaxMs);
                }
                if (d.loopUtilization != null) {
                    m.loopUtilization = $Number(d.loopUtilization);
                }
                if (d.heapUsedBytes != null) {
                    if ($util.Long)
                        m.heapUsedBytes = $util.Long.fromValue(d.heapUsedBytes, true);
                    else if (typeof d.heapUsedBytes === "string")
                        m.heapUsedBytes = $parseInt(d.heapUsedBytes, 10);
                    else if (typeof d.heapUsedBytes === "number")
                        m.heapUsedBytes = d.heapUsedBytes;
                    else if (typeof d.heapUsedBytes === "object")
                        m.heapUsedBytes = new $util.LongBits(d.heapUsedBytes.low >>> 0, d.heapUsedBytes.high >>> 0).toNumber(true);
                }
                if (d.heapTotalBytes != null) {
                    if ($util.Long)
                        m.heapTotalBytes = $util.Long.fromValue(d.heapTotalBytes, true);
                    else if (typeof d.heapTotalBytes === "string")
                        m.heapTotalBytes = $parseInt(d.heapTotalBytes, 10);
                    else if (typeof d.heapTotalBytes === "number")
                        m.heapTotalBytes = d.heapTotalBytes;
                    else if (typeof d.heapTotalBytes === "object")
                        m.heapTotalBytes = new $util.LongBits(d.heapTotalBytes.low >>> 0, d.heapTotalBytes.high >>> 0).toNumber(true);
                }
                if (d.externalBytes != null) {
                    if ($util.Long)
                        m.externalBytes = $util.Long.fromValue(d.externalBytes, true);
                    else if (typeof d.externalBytes === "string")
                        m.externalBytes = $parseInt(d.externalBytes, 10);
                    else if (typeof d.externalBytes === "number")
                        m.externalBytes = d.externalBytes;
                    else if (typeof d.externalBytes === "object")
                        m.externalBytes = new $util.LongBits(d.externalBytes.low >>> 0, d.externalBytes.high >>> 0).toNumber(true);
                }
                if (d.arrayBuffersBytes != null) {
                    if ($util.Long)
                        m.arrayBuffersBytes = $util.Long.fromValue(d.arrayBuffersBytes, true);
                    else if (typeof d.arrayBuffersBytes === "string")
                        m.arrayBuffersBytes = $parseInt(d.arrayBuffersBytes, 10);
                    else if (typeof d.arrayBuffersBytes === "number")
                        m.arrayBuffersBytes = d.arrayBuffersBytes;
                    else if (typeof d.arrayBuffersBytes === "object")
                        m.arrayBuffersBytes = new $util.LongBits(d.arrayBuffersBytes.low >>> 0, d.arrayBuffersBytes.high >>> 0).toNumber(true);
                }
                if (d.gcMinorMs != null) {
                    m.gcMinorMs = $Number(d.gcMinorMs);
                }
                if (d.gcMajorMs != null) {
                    m.gcMajorMs = $Number(d.gcMajorMs);
                }
                if (d.gcIncrementalMs != null) {
                    m.gcIncrementalMs = $Number(d.gcIncrementalMs);
                }
                if (d.gcWeakcbMs != null) {
                    m.gcWeakcbMs = $Number(d.gcWeakcbMs);
                }
                if (d.activeResources != null) {
                    m.activeResources = d.activeResources >>> 0;
                }
                return m;
            };

            LoopReport.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.tsMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tsMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.tsMs != null && $Object.hasOwnProperty.call(m, "tsMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tsMs = typeof m.tsMs === "number" ? $BigInt(m.tsMs) : $util.Long.fromBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0, false).toBigInt();
                    else if (typeof m.tsMs === "number")
                        d.tsMs = o.longs === $String ? $String(m.tsMs) : m.tsMs;
                    else
                        d.tsMs = o.longs === $String ? $util.Long.prototype.toString.call(m.tsMs) : o.longs === $Number ? new $util.LongBits(m.tsMs.low >>> 0, m.tsMs.high >>> 0).toNumber() : m.tsMs;
                }
                if (m.loopLagP50Ms != null && $Object.hasOwnProperty.call(m, "loopLagP50Ms")) {
                    d.loopLagP50Ms = o.json && !$isFinite(m.loopLagP50Ms) ? $String(m.loopLagP50Ms) : m.loopLagP50Ms;
                }
                if (m.loopLagP99Ms != null && $Object.hasOwnProperty.call(m, "loopLagP99Ms")) {
                    d.loopLagP99Ms = o.json && !$isFinite(m.loopLagP99Ms) ? $String(m.loopLagP99Ms) : m.loopLagP99Ms;
                }
                if (m.loopLagMaxMs != null && $Object.hasOwnProperty.call(m, "loopLagMaxMs")) {
                    d.loopLagMaxMs = o.json && !$isFinite(m.loopLagMaxMs) ? $String(m.loopLagMaxMs) : m.loopLagMaxMs;
                }
                if (m.loopUtilization != null && $Object.hasOwnProperty.call(m, "loopUtilization")) {
                    d.loopUtilization = o.json && !$isFinite(m.loopUtilization) ? $String(m.loopUtilization) : m.loopUtilization;
                }
                if (m.heapUsedBytes != null && $Object.hasOwnProperty.call(m, "heapUsedBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.heapUsedBytes = typeof m.heapUsedBytes === "number" ? $BigInt(m.heapUsedBytes) : $util.Long.fromBits(m.heapUsedBytes.low >>> 0, m.heapUsedBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.heapUsedBytes === "number")
                        d.heapUsedBytes = o.longs === $String ? $String(m.heapUsedBytes) : m.heapUsedBytes;
                    else
                        d.heapUsedBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.heapUsedBytes) : o.longs === $Number ? new $util.LongBits(m.heapUsedBytes.low >>> 0, m.heapUsedBytes.high >>> 0).toNumber(true) : m.heapUsedBytes;
                }
                if (m.heapTotalBytes != null && $Object.hasOwnProperty.call(m, "heapTotalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.heapTotalBytes = typeof m.heapTotalBytes === "number" ? $BigInt(m.heapTotalBytes) : $util.Long.fromBits(m.heapTotalBytes.low >>> 0, m.heapTotalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.heapTotalBytes === "number")
                        d.heapTotalBytes = o.longs === $String ? $String(m.heapTotalBytes) : m.heapTotalBytes;
                    else
                        d.heapTotalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.heapTotalBytes) : o.longs === $Number ? new $util.LongBits(m.heapTotalBytes.low >>> 0, m.heapTotalBytes.high >>> 0).toNumber(true) : m.heapTotalBytes;
                }
                if (m.externalBytes != null && $Object.hasOwnProperty.call(m, "externalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.externalBytes = typeof m.externalBytes === "number" ? $BigInt(m.externalBytes) : $util.Long.fromBits(m.externalBytes.low >>> 0, m.externalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.externalBytes === "number")
                        d.externalBytes = o.longs === $String ? $String(m.externalBytes) : m.externalBytes;
                    else
                        d.externalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.externalBytes) : o.longs === $Number ? new $util.LongBits(m.externalBytes.low >>> 0, m.externalBytes.high >>> 0).toNumber(true) : m.externalBytes;
                }
                if (m.arrayBuffersBytes != null && $Object.hasOwnProperty.call(m, "arrayBuffersBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.arrayBuffersBytes = typeof m.arrayBuffersBytes === "number" ? $BigInt(m.arrayBuffersBytes) : $util.Long.fromBits(m.arrayBuffersBytes.low >>> 0, m.arrayBuffersBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.arrayBuffersBytes === "number")
                        d.arrayBuffersBytes = o.longs === $String ? $String(m.arrayBuffersBytes) : m.arrayBuffersBytes;
                    else
                        d.arrayBuffersBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.arrayBuffersBytes) : o.longs === $Number ? new $util.LongBits(m.arrayBuffersBytes.low >>> 0, m.arrayBuffersBytes.high >>> 0).toNumber(true) : m.arrayBuffersBytes;
                }
                if (m.gcMinorMs != null && $Object.hasOwnProperty.call(m, "gcMinorMs")) {
                    d.gcMinorMs = o.json && !$isFinite(m.gcMinorMs) ? $String(m.gcMinorMs) : m.gcMinorMs;
                }
                if (m.gcMajorMs != null && $Object.hasOwnProperty.call(m, "gcMajorMs")) {
                    d.gcMajorMs = o.json && !$isFinite(m.gcMajorMs) ? $String(m.gcMajorMs) : m.gcMajorMs;
                }
                if (m.gcIncrementalMs != null && $Object.hasOwnProperty.call(m, "gcIncrementalMs")) {
                    d.gcIncrementalMs = o.json && !$isFinite(m.gcIncrementalMs) ? $String(m.gcIncrementalMs) : m.gcIncrementalMs;
                }
                if (m.gcWeakcbMs != null && $Object.hasOwnProperty.call(m, "gcWeakcbMs")) {
                    d.gcWeakcbMs = o.json && !$isFinite(m.gcWeakcbMs) ? $String(m.gcWeakcbMs) : m.gcWeakcbMs;
                }
                if (m.activeResources != null && $Object.hasOwnProperty.call(m, "activeResources")) {
                    d.activeResources = m.activeResources;
                }
                return d;
            };

            LoopReport.prototype.toJSON = function() {
                return LoopReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            LoopReport.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.LoopReport";
            };

            return LoopReport;
        })();

        v1.Frame = (function() {

            const Frame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Frame.prototype.hello = null;
            Frame.prototype.publish = null;
            Frame.prototype.subscribe = null;
            Frame.prototype.error = null;
            Frame.prototype.welcome = null;
            Frame.prototype.loop = null;

            let $oneOfFields;

            $Object.defineProperty(Frame.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "publish", "subscribe", "error", "welcome", "loop"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Frame.create = function(properties) {
                return new Frame(properties);
            };

            Frame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello"))
                    $root.runbus.v1.Hello.encode(m.hello, w.uint32(10).fork(), q + 1).ldelim();
                if (m.publish != null && $Object.hasOwnProperty.call(m, "publish"))
                    $root.runbus.v1.Publish.encode(m.publish, w.uint32(18).fork(), q + 1).ldelim();
                if (m.subscribe != null && $Object.hasOwnProperty.call(m, "subscribe"))
                    $root.runbus.v1.Subscribe.encode(m.subscribe, w.uint32(26).fork(), q + 1).ldelim();
                if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                    $root.runbus.v1.ErrorFrame.encode(m.error, w.uint32(34).fork(), q + 1).ldelim();
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome"))
                    $root.runbus.v1.Welcome.encode(m.welcome, w.uint32(42).fork(), q + 1).ldelim();
                if (m.loop != null && $Object.hasOwnProperty.call(m, "loop"))
                    $root.runbus.v1.LoopReport.encode(m.loop, w.uint32(50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Frame.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            Frame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.runbus.v1.Frame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.hello = $root.runbus.v1.Hello.decode(r, r.size(), $undefined, q + 1, m.hello);
                            m.kind = "hello";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.publish = $root.runbus.v1.Publish.decode(r, r.size(), $undefined, q + 1, m.publish);
                            m.kind = "publish";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.subscribe = $root.runbus.v1.Subscribe.decode(r, r.size(), $undefined, q + 1, m.subscribe);
                            m.kind = "subscribe";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.error = $root.runbus.v1.ErrorFrame.decode(r, r.size(), $undefined, q + 1, m.error);
                            m.kind = "error";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.welcome = $root.runbus.v1.Welcome.decode(r, r.size(), $undefined, q + 1, m.welcome);
                            m.kind = "welcome";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.loop = $root.runbus.v1.LoopReport.decode(r, r.size(), $undefined, q + 1, m.loop);
                            m.kind = "loop";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Frame.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            Frame.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello")) {
                    p.kind = 1;
                    {
                        var e = $root.runbus.v1.Hello.verify(m.hello, q + 1);
                        if (e)
                            return "hello." + e;
                    }
                }
                if (m.publish != null && $Object.hasOwnProperty.call(m, "publish")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.runbus.v1.Publish.verify(m.publish, q + 1);
                        if (e)
                            return "publish." + e;
                    }
                }
                if (m.subscribe != null && $Object.hasOwnProperty.call(m, "subscribe")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.runbus.v1.Subscribe.verify(m.subscribe, q + 1);
                        if (e)
                            return "subscribe." + e;
                    }
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.runbus.v1.ErrorFrame.verify(m.error, q + 1);
                        if (e)
                            return "error." + e;
                    }
                }
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.runbus.v1.Welcome.verify(m.welcome, q + 1);
                        if (e)
                            return "welcome." + e;
                    }
                }
                if (m.loop != null && $Object.hasOwnProperty.call(m, "loop")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.runbus.v1.LoopReport.verify(m.loop, q + 1);
                        if (e)
                            return "loop." + e;
                    }
                }
                return null;
            };

            Frame.fromObject = function (d, q) {
                if (d instanceof $root.runbus.v1.Frame)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".runbus.v1.Frame: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.runbus.v1.Frame();
                if (d.hello != null) {
                    if (!$util.isObject(d.hello))
                        throw $TypeError(".runbus.v1.Frame.hello: object expected");
                    m.hello = $root.runbus.v1.Hello.fromObject(d.hello, q + 1);
                }
                if (d.publish != null) {
                    if (!$util.isObject(d.publish))
                        throw $TypeError(".runbus.v1.Frame.publish: object expected");
                    m.publish = $root.runbus.v1.Publish.fromObject(d.publish, q + 1);
                }
                if (d.subscribe != null) {
                    if (!$util.isObject(d.subscribe))
                        throw $TypeError(".runbus.v1.Frame.subscribe: object expected");
                    m.subscribe = $root.runbus.v1.Subscribe.fromObject(d.subscribe, q + 1);
                }
                if (d.error != null) {
                    if (!$util.isObject(d.error))
                        throw $TypeError(".runbus.v1.Frame.error: object expected");
                    m.error = $root.runbus.v1.ErrorFrame.fromObject(d.error, q + 1);
                }
                if (d.welcome != null) {
                    if (!$util.isObject(d.welcome))
                        throw $TypeError(".runbus.v1.Frame.welcome: object expected");
                    m.welcome = $root.runbus.v1.Welcome.fromObject(d.welcome, q + 1);
                }
                if (d.loop != null) {
                    if (!$util.isObject(d.loop))
                        throw $TypeError(".runbus.v1.Frame.loop: object expected");
                    m.loop = $root.runbus.v1.LoopReport.fromObject(d.loop, q + 1);
                }
                return m;
            };

            Frame.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello")) {
                    d.hello = $root.runbus.v1.Hello.toObject(m.hello, o, q + 1);
                    if (o.oneofs)
                        d.kind = "hello";
                }
                if (m.publish != null && $Object.hasOwnProperty.call(m, "publish")) {
                    d.publish = $root.runbus.v1.Publish.toObject(m.publish, o, q + 1);
                    if (o.oneofs)
                        d.kind = "publish";
                }
                if (m.subscribe != null && $Object.hasOwnProperty.call(m, "subscribe")) {
                    d.subscribe = $root.runbus.v1.Subscribe.toObject(m.subscribe, o, q + 1);
                    if (o.oneofs)
                        d.kind = "subscribe";
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = $root.runbus.v1.ErrorFrame.toObject(m.error, o, q + 1);
                    if (o.oneofs)
                        d.kind = "error";
                }
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome")) {
                    d.welcome = $root.runbus.v1.Welcome.toObject(m.welcome, o, q + 1);
                    if (o.oneofs)
                        d.kind = "welcome";
                }
                if (m.loop != null && $Object.hasOwnProperty.call(m, "loop")) {
                    d.loop = $root.runbus.v1.LoopReport.toObject(m.loop, o, q + 1);
                    if (o.oneofs)
                        d.kind = "loop";
                }
                return d;
            };

            Frame.prototype.toJSON = function() {
                return Frame.toObject(this, $protobuf.util.toJSONOptions);
            };

            Frame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/runbus.v1.Frame";
            };

            return Frame;
        })();

        return v1;
    })();

    return runbus;
})();

export {
  $root as default
};
