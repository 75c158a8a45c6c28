/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $Array = $util.global.Array, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const prometheus = $root.prometheus = (() => {

    const prometheus = {};

    prometheus.WriteRequest = (function() {

        const WriteRequest = function (p) {
            this.timeseries = [];
            this.metadata = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        WriteRequest.prototype.timeseries = $util.emptyArray;
        WriteRequest.prototype.metadata = $util.emptyArray;

        WriteRequest.create = function(properties) {
            return new WriteRequest(properties);
        };

        WriteRequest.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.timeseries != null && m.timeseries.length) {
                for (var i = 0; i < m.timeseries.length; ++i)
                    $root.prometheus.TimeSeries.encode(m.timeseries[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.metadata != null && m.metadata.length) {
                for (var i = 0; i < m.metadata.length; ++i)
                    $root.prometheus.MetricMetadata.encode(m.metadata[i], w.uint32(26).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        WriteRequest.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        WriteRequest.decode = function (r, l, z, q, g) {
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
            m = g || new $root.prometheus.WriteRequest();
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
                        if (!(m.timeseries && m.timeseries.length))
                            m.timeseries = [];
                        m.timeseries.push($root.prometheus.TimeSeries.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.metadata && m.metadata.length))
                            m.metadata = [];
                        m.metadata.push($root.prometheus.MetricMetadata.decode(r, r.size(), $undefined, q + 1));
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

        WriteRequest.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        WriteRequest.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.timeseries != null && $Object.hasOwnProperty.call(m, "timeseries")) {
                if (!$Array.isArray(m.timeseries))
                    return "timeseries: array expected";
                for (var i = 0; i < m.timeseries.length; ++i) {
                    {
                        var e = $root.prometheus.TimeSeries.verify(m.timeseries[i], q + 1);
                        if (e)
                            return "timeseries." + e;
                    }
                }
            }
            if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata")) {
                if (!$Array.isArray(m.metadata))
                    return "metadata: array expected";
                for (var i = 0; i < m.metadata.length; ++i) {
                    {
                        var e = $root.prometheus.MetricMetadata.verify(m.metadata[i], q + 1);
                        if (e)
                            return "metadata." + e;
                    }
                }
            }
            return null;
        };

        WriteRequest.fromObject = function (d, q) {
            if (d instanceof $root.prometheus.WriteRequest)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".prometheus.WriteRequest: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.prometheus.WriteRequest();
            if (d.timeseries) {
                if (!$Array.isArray(d.timeseries))
                    throw $TypeError(".prometheus.WriteRequest.timeseries: array expected");
                m.timeseries = $Array(d.timeseries.length);
                for (var i = 0; i < d.timeseries.length; ++i) {
                    if (!$util.isObject(d.timeseries[i]))
                        throw $TypeError(".prometheus.WriteRequest.timeseries: object expected");
                    m.timeseries[i] = $root.prometheus.TimeSeries.fromObject(d.timeseries[i], q + 1);
                }
            }
            if (d.metadata) {
                if (!$Array.isArray(d.metadata))
                    throw $TypeError(".prometheus.WriteRequest.metadata: array expected");
                m.metadata = $Array(d.metadata.length);
                for (var i = 0; i < d.metadata.length; ++i) {
                    if (!$util.isObject(d.metadata[i]))
                        throw $TypeError(".prometheus.WriteRequest.metadata: object expected");
                    m.metadata[i] = $root.prometheus.MetricMetadata.fromObject(d.metadata[i], q + 1);
                }
            }
            return m;
        };

        WriteRequest.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.timeseries = [];
                d.metadata = [];
            }
            if (m.timeseries && m.timeseries.length) {
                d.timeseries = $Array(m.timeseries.length);
                for (var j = 0; j < m.timeseries.length; ++j) {
                    d.timeseries[j] = $root.prometheus.TimeSeries.toObject(m.timeseries[j], o, q + 1);
                }
            }
            if (m.metadata && m.metadata.length) {
                d.metadata = $Array(m.metadata.length);
                for (var j = 0; j < m.metadata.length; ++j) {
                    d.metadata[j] = $root.prometheus.MetricMetadata.toObject(m.metadata[j], o, q + 1);
                }
            }
            return d;
        };

        WriteRequest.prototype.toJSON = function() {
            return WriteRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        WriteRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/prometheus.WriteRequest";
        };

        return WriteRequest;
    })();

    prometheus.TimeSeries = (function() {

        const TimeSeries = function (p) {
            this.labels = [];
            this.samples = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TimeSeries.prototype.labels = $util.emptyArray;
        TimeSeries.prototype.samples = $util.emptyArray;

        TimeSeries.create = function(properties) {
            return new TimeSeries(properties);
        };

        TimeSeries.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.labels != null && m.labels.length) {
                for (var i = 0; i < m.labels.length; ++i)
                    $root.prometheus.Label.encode(m.labels[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.samples != null && m.samples.length) {
                for (var i = 0; i < m.samples.length; ++i)
                    $root.prometheus.Sample.encode(m.samples[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TimeSeries.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        TimeSeries.decode = function (r, l, z, q, g) {
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
            m = g || new $root.prometheus.TimeSeries();
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
                        if (!(m.labels && m.labels.length))
                            m.labels = [];
                        m.labels.push($root.prometheus.Label.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.samples && m.samples.length))
                            m.samples = [];
                        m.samples.push($root.prometheus.Sample.decode(r, r.size(), $undefined, q + 1));
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

        TimeSeries.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        TimeSeries.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                if (!$Array.isArray(m.labels))
                    return "labels: array expected";
                for (var i = 0; i < m.labels.length; ++i) {
                    {
                        var e = $root.prometheus.Label.verify(m.labels[i], q + 1);
                        if (e)
                            return "labels." + e;
                    }
                }
            }
            if (m.samples != null && $Object.hasOwnProperty.call(m, "samples")) {
                if (!$Array.isArray(m.samples))
                    return "samples: array expected";
                for (var i = 0; i < m.samples.length; ++i) {
                    {
                        var e = $root.prometheus.Sample.verify(m.samples[i], q + 1);
                        if (e)
                            return "samples." + e;
                    }
                }
            }
            return null;
        };

        TimeSeries.fromObject = function (d, q) {
            if (d instanceof $root.prometheus.TimeSeries)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".prometheus.TimeSeries: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.prometheus.TimeSeries();
            if (d.labels) {
                if (!$Array.isArray(d.labels))
                    throw $TypeError(".prometheus.TimeSeries.labels: array expected");
                m.labels = $Array(d.labels.length);
                for (var i = 0; i < d.labels.length; ++i) {
                    if (!$util.isObject(d.labels[i]))
                        throw $TypeError(".prometheus.TimeSeries.labels: object expected");
                    m.labels[i] = $root.prometheus.Label.fromObject(d.labels[i], q + 1);
                }
            }
            if (d.samples) {
                if (!$Array.isArray(d.samples))
                    throw $TypeError(".prometheus.TimeSeries.samples: array expected");
                m.samples = $Array(d.samples.length);
                for (var i = 0; i < d.samples.length; ++i) {
                    if (!$util.isObject(d.samples[i]))
                        throw $TypeError(".prometheus.TimeSeries.samples: object expected");
                    m.samples[i] = $root.prometheus.Sample.fromObject(d.samples[i], q + 1);
                }
            }
            return m;
        };

        TimeSeries.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.labels = [];
                d.samples = [];
            }
            if (m.labels && m.labels.length) {
                d.labels = $Array(m.labels.length);
                for (var j = 0; j < m.labels.length; ++j) {
                    d.labels[j] = $root.prometheus.Label.toObject(m.labels[j], o, q + 1);
                }
            }
            if (m.samples && m.samples.length) {
                d.samples = $Array(m.samples.length);
                for (var j = 0; j < m.samples.length; ++j) {
                    d.samples[j] = $root.prometheus.Sample.toObject(m.samples[j], o, q + 1);
                }
            }
            return d;
        };

        TimeSeries.prototype.toJSON = function() {
            return TimeSeries.toObject(this, $protobuf.util.toJSONOptions);
        };

        TimeSeries.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/prometheus.TimeSeries";
        };

        return TimeSeries;
    })();

    prometheus.Label = (function() {

        const Label = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Label.prototype.name = "";
        Label.prototype.value = "";

        Label.create = function(properties) {
            return new Label(properties);
        };

        Label.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                w.uint32(10).string(m.name);
            if (m.value != null && $Object.hasOwnProperty.call(m, "value") && m.value !== "")
                w.uint32(18).string(m.value);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Label.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        Label.decode = function (r, l, z, q, g) {
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
            m = g || new $root.prometheus.Label();
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
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
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

        Label.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        Label.verify = function (m, q) {
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
            if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                if (!$util.isString(m.value))
                    return "value: string expected";
            }
            return null;
        };

        Label.fromObject = function (d, q) {
            if (d instanceof $root.prometheus.Label)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".prometheus.Label: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.prometheus.Label();
            if (d.name != null) {
                if (typeof d.name !== "string" || d.name.length) {
                    m.name = $String(d.name);
                }
            }
            if (d.value != null) {
                if (typeof d.value !== "string" || d.value.length) {
                    m.value = $String(d.value);
                }
            }
            return m;
        };

        Label.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.name = "";
                d.value = "";
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                d.value = m.value;
            }
            return d;
        };

        Label.prototype.toJSON = function() {
            return Label.toObject(this, $protobuf.util.toJSONOptions);
        };

        Label.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/prometheus.Label";
        };

        return Label;
    })();

    prometheus.Sample = (function() {

        const Sample = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Sample.prototype.value = 0;
        Sample.prototype.timestamp = 0;

        Sample.create = function(properties) {
            return new Sample(properties);
        };

        Sample.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.value != null && $Object.hasOwnProperty.call(m, "value") && !$Object.is(m.value, 0))
                w.uint32(9).double(m.value);
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp") && (typeof m.timestamp === "object" ? m.timestamp.low || m.timestamp.high : m.timestamp !== 0))
                w.uint32(16).int64(m.timestamp);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Sample.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        Sample.decode = function (r, l, z, q, g) {
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
            m = g || new $root.prometheus.Sample();
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
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.value = v;
                        else
                            delete m.value;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.timestamp = v;
                        else
                            delete m.timestamp;
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

        Sample.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        Sample.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                if (typeof m.value !== "number")
                    return "value: number expected";
            }
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp")) {
                if (!$util.isInteger(m.timestamp) && !(m.timestamp && $util.isInteger(m.timestamp.low) && $util.isInteger(m.timestamp.high)))
                    return "timestamp: integer|Long expected";
            }
            return null;
        };

        Sample.fromObject = function (d, q) {
            if (d instanceof $root.prometheus.Sample)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".prometheus.Sample: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.prometheus.Sample();
            if (d.value != null) {
                if (!$Object.is($Number(d.value), 0)) {
                    m.value = $Number(d.value);
                }
            }
            if (d.timestamp != null) {
                if (typeof d.timestamp === "object" ? d.timestamp.low || d.timestamp.high : $Number(d.timestamp) !== 0) {
                    if ($util.Long)
                        m.timestamp = $util.Long.fromValue(d.timestamp, false);
                    else if (typeof d.timestamp === "string")
                        m.timestamp = $parseInt(d.timestamp, 10);
                    else if (typeof d.timestamp === "number")
                        m.timestamp = d.timestamp;
                    else if (typeof d.timestamp === "object")
                        m.timestamp = new $util.LongBits(d.timestamp.low >>> 0, d.timestamp.high >>> 0).toNumber();
                }
            }
            return m;
        };

        Sample.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.value = 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.timestamp = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.timestamp = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                d.value = o.json && !$isFinite(m.value) ? $String(m.value) : m.value;
            }
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.timestamp = typeof m.timestamp === "number" ? $BigInt(m.timestamp) : $util.Long.fromBits(m.timestamp.low >>> 0, m.timestamp.high >>> 0, false).toBigInt();
                else if (typeof m.timestamp === "number")
                    d.timestamp = o.longs === $String ? $String(m.timestamp) : m.timestamp;
                else
                    d.timestamp = o.longs === $String ? $util.Long.prototype.toString.call(m.timestamp) : o.longs === $Number ? new $util.LongBits(m.timestamp.low >>> 0, m.timestamp.high >>> 0).toNumber() : m.timestamp;
            }
            return d;
        };

        Sample.prototype.toJSON = function() {
            return Sample.toObject(this, $protobuf.util.toJSONOptions);
        };

        Sample.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/prometheus.Sample";
        };

        return Sample;
    })();

    prometheus.MetricMetadata = (function() {

        const MetricMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        MetricMetadata.prototype.type = 0;
        MetricMetadata.prototype.metricFamilyName = "";
        MetricMetadata.prototype.help = "";
        MetricMetadata.prototype.unit = "";

        MetricMetadata.create = function(properties) {
            return new MetricMetadata(properties);
        };

        MetricMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(8).int32(m.type);
            if (m.metricFamilyName != null && $Object.hasOwnProperty.call(m, "metricFamilyName") && m.metricFamilyName !== "")
                w.uint32(18).string(m.metricFamilyName);
            if (m.help != null && $Object.hasOwnProperty.call(m, "help") && m.help !== "")
                w.uint32(34).string(m.help);
            if (m.unit != null && $Object.hasOwnProperty.call(m, "unit") && m.unit !== "")
                w.uint32(42).string(m.unit);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        MetricMetadata.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        MetricMetadata.decode = function (r, l, z, q, g) {
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
            m = g || new $root.prometheus.MetricMetadata();
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
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.metricFamilyName = v;
                        else
                            delete m.metricFamilyName;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.help = v;
                        else
                            delete m.help;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.unit = v;
                        else
                            delete m.unit;
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

        MetricMetadata.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        MetricMetadata.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                    return "type: enum value expected";
            }
            if (m.metricFamilyName != null && $Object.hasOwnProperty.call(m, "metricFamilyName")) {
                if (!$util.isString(m.metricFamilyName))
                    return "metricFamilyName: string expected";
            }
            if (m.help != null && $Object.hasOwnProperty.call(m, "help")) {
                if (!$util.isString(m.help))
                    return "help: string expected";
            }
            if (m.unit != null && $Object.hasOwnProperty.call(m, "unit")) {
                if (!$util.isString(m.unit))
                    return "unit: string expected";
            }
            return null;
        };

        MetricMetadata.fromObject = function (d, q) {
            if (d instanceof $root.prometheus.MetricMetadata)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".prometheus.MetricMetadata: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.prometheus.MetricMetadata();
            if (d.type !== 0 && (typeof d.type !== "string" || $root.prometheus.MetricMetadata.MetricType[d.type] !== 0)) {
                switch (d.type) {
                case "UNKNOWN":
                case 0:
                    m.type = 0;
                    break;
                case "COUNTER":
                case 1:
                    m.type = 1;
                    break;
                case "GAUGE":
                case 2:
                    m.type = 2;
                    break;
                case "HISTOGRAM":
                case 3:
                    m.type = 3;
                    break;
                case "GAUGEHISTOGRAM":
                case 4:
                    m.type = 4;
                    break;
                case "SUMMARY":
                case 5:
                    m.type = 5;
                    break;
                case "INFO":
                case 6:
                    m.type = 6;
                    break;
                case "STATESET":
                case 7:
                    m.type = 7;
                    break;
                default:
                    if (typeof d.type === "number" && (d.type | 0) === d.type)
                        m.type = d.type;
                }
            }
            if (d.metricFamilyName != null) {
                if (typeof d.metricFamilyName !== "string" || d.metricFamilyName.length) {
                    m.metricFamilyName = $String(d.metricFamilyName);
                }
            }
            if (d.help != null) {
                if (typeof d.help !== "string" || d.help.length) {
                    m.help = $String(d.help);
                }
            }
            if (d.unit != null) {
                if (typeof d.unit !== "string" || d.unit.length) {
                    m.unit = $String(d.unit);
                }
            }
            return m;
        };

        MetricMetadata.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.type = o.enums === $String ? "UNKNOWN" : 0;
                d.metricFamilyName = "";
                d.help = "";
                d.unit = "";
            }
            if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                d.type = o.enums === $String ? $root.prometheus.MetricMetadata.MetricType[m.type] === $undefined ? m.type : $root.prometheus.MetricMetadata.MetricType[m.type] : m.type;
            }
            if (m.metricFamilyName != null && $Object.hasOwnProperty.call(m, "metricFamilyName")) {
                d.metricFamilyName = m.metricFamilyName;
            }
            if (m.help != null && $Object.hasOwnProperty.call(m, "help")) {
                d.help = m.help;
            }
            if (m.unit != null && $Object.hasOwnProperty.call(m, "unit")) {
                d.unit = m.unit;
            }
            return d;
        };

        MetricMetadata.prototype.toJSON = function() {
            return MetricMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        MetricMetadata.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/prometheus.MetricMetadata";
        };

        MetricMetadata.MetricType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "UNKNOWN"] = 0;
            values[valuesById[1] = "COUNTER"] = 1;
            values[valuesById[2] = "GAUGE"] = 2;
            values[valuesById[3] = "HISTOGRAM"] = 3;
            values[valuesById[4] = "GAUGEHISTOGRAM"] = 4;
            values[valuesById[5] = "SUMMARY"] = 5;
            values[valuesById[6] = "INFO"] = 6;
            values[valuesById[7] = "STATESET"] = 7;
            return values;
        })();

        return MetricMetadata;
    })();

    return prometheus;
})();

export {
  $root as default
};
