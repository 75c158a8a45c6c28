import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace runbus. */
export namespace runbus {

    /** Namespace v1. */
    namespace v1 {

        /** Topic enum. */
        enum Topic {

            /** TOPIC_UNSPECIFIED value */
            TOPIC_UNSPECIFIED = 0,

            /** RESOURCE value */
            RESOURCE = 1,

            /** HOST value */
            HOST = 2,

            /** GPU value */
            GPU = 3,

            /** METRIC value */
            METRIC = 4,

            /** ALERT value */
            ALERT = 5,

            /** HEARTBEAT value */
            HEARTBEAT = 6,

            /** LIFECYCLE value */
            LIFECYCLE = 7,

            /** CONTAINER value */
            CONTAINER = 8
        }

        /**
         * Properties of a FigureError.
         * @deprecated Use runbus.v1.FigureError.$Properties instead.
         */
        interface IFigureError extends runbus.v1.FigureError.$Properties {
        }

        /** Represents a FigureError. */
        class FigureError {

            /**
             * Constructs a new FigureError.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.FigureError.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FigureError figure. */
            figure: string;

            /** FigureError reason. */
            reason: string;

            /**
             * Creates a new FigureError instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FigureError instance
             */
            static create(properties: runbus.v1.FigureError.$Shape): runbus.v1.FigureError & runbus.v1.FigureError.$Shape;
            static create(properties?: runbus.v1.FigureError.$Properties): runbus.v1.FigureError;

            /**
             * Encodes the specified FigureError message. Does not implicitly {@link runbus.v1.FigureError.verify|verify} messages.
             * @param m FigureError message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.FigureError.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified FigureError message, length delimited. Does not implicitly {@link runbus.v1.FigureError.verify|verify} messages.
             * @param message FigureError message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.FigureError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FigureError message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.FigureError & runbus.v1.FigureError.$Shape} FigureError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.FigureError & runbus.v1.FigureError.$Shape;

            /**
             * Decodes a FigureError message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.FigureError & runbus.v1.FigureError.$Shape} FigureError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.FigureError & runbus.v1.FigureError.$Shape;

            /**
             * Verifies a FigureError message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a FigureError message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns FigureError
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.FigureError;

            /**
             * Creates a plain object from a FigureError message. Also converts values to other types if specified.
             * @param m FigureError
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.FigureError, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FigureError to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for FigureError
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FigureError {

            /** Properties of a FigureError. */
            interface $Properties {

                /** FigureError figure */
                figure?: (string|null);

                /** FigureError reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FigureError. */
            type $Shape = runbus.v1.FigureError.$Properties;
        }

        /**
         * Properties of a ResourceSnapshot.
         * @deprecated Use runbus.v1.ResourceSnapshot.$Properties instead.
         */
        interface IResourceSnapshot extends runbus.v1.ResourceSnapshot.$Properties {
        }

        /** Represents a ResourceSnapshot. */
        class ResourceSnapshot {

            /**
             * Constructs a new ResourceSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.ResourceSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ResourceSnapshot tsMs. */
            tsMs: number;

            /** ResourceSnapshot runId. */
            runId: string;

            /** ResourceSnapshot component. */
            component: string;

            /** ResourceSnapshot pid. */
            pid: number;

            /** ResourceSnapshot cpuPercent. */
            cpuPercent?: (number|null);

            /** ResourceSnapshot rssBytes. */
            rssBytes?: (number|null);

            /** ResourceSnapshot ussBytes. */
            ussBytes?: (number|null);

            /** ResourceSnapshot threads. */
            threads?: (number|null);

            /** ResourceSnapshot openFds. */
            openFds?: (number|null);

            /** ResourceSnapshot gpuUtilPercent. */
            gpuUtilPercent?: (number|null);

            /** ResourceSnapshot gpuMemBytes. */
            gpuMemBytes?: (number|null);

            /** ResourceSnapshot loopLagP99Ms. */
            loopLagP99Ms?: (number|null);

            /** ResourceSnapshot cpuUserMs. */
            cpuUserMs?: (number|null);

            /** ResourceSnapshot cpuSystemMs. */
            cpuSystemMs?: (number|null);

            /** ResourceSnapshot pssBytes. */
            pssBytes?: (number|null);

            /** ResourceSnapshot vmsBytes. */
            vmsBytes?: (number|null);

            /** ResourceSnapshot ioReadBytes. */
            ioReadBytes?: (number|null);

            /** ResourceSnapshot ioWriteBytes. */
            ioWriteBytes?: (number|null);

            /** ResourceSnapshot ctxSwitchesVoluntary. */
            ctxSwitchesVoluntary?: (number|null);

            /** ResourceSnapshot ctxSwitchesInvoluntary. */
            ctxSwitchesInvoluntary?: (number|null);

            /** ResourceSnapshot state. */
            state: string;

            /** ResourceSnapshot loopLagP50Ms. */
            loopLagP50Ms?: (number|null);

            /** ResourceSnapshot loopLagMaxMs. */
            loopLagMaxMs?: (number|null);

            /** ResourceSnapshot loopUtilization. */
            loopUtilization?: (number|null);

            /** ResourceSnapshot ppid. */
            ppid: number;

            /** ResourceSnapshot command. */
            command: string;

            /** ResourceSnapshot errors. */
            errors: runbus.v1.FigureError.$Properties[];

            /** ResourceSnapshot heapUsedBytes. */
            heapUsedBytes?: (number|null);

            /** ResourceSnapshot heapTotalBytes. */
            heapTotalBytes?: (number|null);

            /** ResourceSnapshot externalBytes. */
            externalBytes?: (number|null);

            /** ResourceSnapshot arrayBuffersBytes. */
            arrayBuffersBytes?: (number|null);

            /** ResourceSnapshot gcMinorMs. */
            gcMinorMs?: (number|null);

            /** ResourceSnapshot gcMajorMs. */
            gcMajorMs?: (number|null);

            /** ResourceSnapshot gcIncrementalMs. */
            gcIncrementalMs?: (number|null);

            /** ResourceSnapshot gcWeakcbMs. */
            gcWeakcbMs?: (number|null);

            /** ResourceSnapshot activeResources. */
            activeResources?: (number|null);

            /**
             * Creates a new ResourceSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ResourceSnapshot instance
             */
            static create(properties: runbus.v1.ResourceSnapshot.$Shape): runbus.v1.ResourceSnapshot & runbus.v1.ResourceSnapshot.$Shape;
            static create(properties?: runbus.v1.ResourceSnapshot.$Properties): runbus.v1.ResourceSnapshot;

            /**
             * Encodes the specified ResourceSnapshot message. Does not implicitly {@link runbus.v1.ResourceSnapshot.verify|verify} messages.
             * @param m ResourceSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.ResourceSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ResourceSnapshot message, length delimited. Does not implicitly {@link runbus.v1.ResourceSnapshot.verify|verify} messages.
             * @param message ResourceSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.ResourceSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ResourceSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.ResourceSnapshot & runbus.v1.ResourceSnapshot.$Shape} ResourceSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.ResourceSnapshot & runbus.v1.ResourceSnapshot.$Shape;

            /**
             * Decodes a ResourceSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.ResourceSnapshot & runbus.v1.ResourceSnapshot.$Shape} ResourceSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.ResourceSnapshot & runbus.v1.ResourceSnapshot.$Shape;

            /**
             * Verifies a ResourceSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ResourceSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ResourceSnapshot
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.ResourceSnapshot;

            /**
             * Creates a plain object from a ResourceSnapshot message. Also converts values to other types if specified.
             * @param m ResourceSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.ResourceSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ResourceSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ResourceSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ResourceSnapshot {

            /** Properties of a ResourceSnapshot. */
            interface $Properties {

                /** ResourceSnapshot tsMs */
                tsMs?: (number|null);

                /** ResourceSnapshot runId */
                runId?: (string|null);

                /** ResourceSnapshot component */
                component?: (string|null);

                /** ResourceSnapshot pid */
                pid?: (number|null);

                /** ResourceSnapshot cpuPercent */
                cpuPercent?: (number|null);

                /** ResourceSnapshot rssBytes */
                rssBytes?: (number|null);

                /** ResourceSnapshot ussBytes */
                ussBytes?: (number|null);

                /** ResourceSnapshot threads */
                threads?: (number|null);

                /** ResourceSnapshot openFds */
                openFds?: (number|null);

                /** ResourceSnapshot gpuUtilPercent */
                gpuUtilPercent?: (number|null);

                /** ResourceSnapshot gpuMemBytes */
                gpuMemBytes?: (number|null);

                /** ResourceSnapshot loopLagP99Ms */
                loopLagP99Ms?: (number|null);

                /** ResourceSnapshot cpuUserMs */
                cpuUserMs?: (number|null);

                /** ResourceSnapshot cpuSystemMs */
                cpuSystemMs?: (number|null);

                /** ResourceSnapshot pssBytes */
                pssBytes?: (number|null);

                /** ResourceSnapshot vmsBytes */
                vmsBytes?: (number|null);

                /** ResourceSnapshot ioReadBytes */
                ioReadBytes?: (number|null);

                /** ResourceSnapshot ioWriteBytes */
                ioWriteBytes?: (number|null);

                /** ResourceSnapshot ctxSwitchesVoluntary */
                ctxSwitchesVoluntary?: (number|null);

                /** ResourceSnapshot ctxSwitchesInvoluntary */
                ctxSwitchesInvoluntary?: (number|null);

                /** ResourceSnapshot state */
                state?: (string|null);

                /** ResourceSnapshot loopLagP50Ms */
                loopLagP50Ms?: (number|null);

                /** ResourceSnapshot loopLagMaxMs */
                loopLagMaxMs?: (number|null);

                /** ResourceSnapshot loopUtilization */
                loopUtilization?: (number|null);

                /** ResourceSnapshot ppid */
                ppid?: (number|null);

                /** ResourceSnapshot command */
                command?: (string|null);

                /** ResourceSnapshot errors */
                errors?: (runbus.v1.FigureError.$Properties[]|null);

                /** ResourceSnapshot heapUsedBytes */
                heapUsedBytes?: (number|null);

                /** ResourceSnapshot heapTotalBytes */
                heapTotalBytes?: (number|null);

                /** ResourceSnapshot externalBytes */
                externalBytes?: (number|null);

                /** ResourceSnapshot arrayBuffersBytes */
                arrayBuffersBytes?: (number|null);

                /** ResourceSnapshot gcMinorMs */
                gcMinorMs?: (number|null);

                /** ResourceSnapshot gcMajorMs */
                gcMajorMs?: (number|null);

                /** ResourceSnapshot gcIncrementalMs */
                gcIncrementalMs?: (number|null);

                /** ResourceSnapshot gcWeakcbMs */
                gcWeakcbMs?: (number|null);

                /** ResourceSnapshot activeResources */
                activeResources?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ResourceSnapshot. */
            type $Shape = runbus.v1.ResourceSnapshot.$Properties;
        }

        /**
         * Properties of a DiskUsage.
         * @deprecated Use runbus.v1.DiskUsage.$Properties instead.
         */
        interface IDiskUsage extends runbus.v1.DiskUsage.$Properties {
        }

        /** Represents a DiskUsage. */
        class DiskUsage {

            /**
             * Constructs a new DiskUsage.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.DiskUsage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DiskUsage mount. */
            mount: string;

            /** DiskUsage usedPercent. */
            usedPercent?: (number|null);

            /** DiskUsage freeBytes. */
            freeBytes?: (number|null);

            /** DiskUsage totalBytes. */
            totalBytes?: (number|null);

            /**
             * Creates a new DiskUsage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DiskUsage instance
             */
            static create(properties: runbus.v1.DiskUsage.$Shape): runbus.v1.DiskUsage & runbus.v1.DiskUsage.$Shape;
            static create(properties?: runbus.v1.DiskUsage.$Properties): runbus.v1.DiskUsage;

            /**
             * Encodes the specified DiskUsage message. Does not implicitly {@link runbus.v1.DiskUsage.verify|verify} messages.
             * @param m DiskUsage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.DiskUsage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DiskUsage message, length delimited. Does not implicitly {@link runbus.v1.DiskUsage.verify|verify} messages.
             * @param message DiskUsage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.DiskUsage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DiskUsage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.DiskUsage & runbus.v1.DiskUsage.$Shape} DiskUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.DiskUsage & runbus.v1.DiskUsage.$Shape;

            /**
             * Decodes a DiskUsage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.DiskUsage & runbus.v1.DiskUsage.$Shape} DiskUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.DiskUsage & runbus.v1.DiskUsage.$Shape;

            /**
             * Verifies a DiskUsage message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DiskUsage message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DiskUsage
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.DiskUsage;

            /**
             * Creates a plain object from a DiskUsage message. Also converts values to other types if specified.
             * @param m DiskUsage
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.DiskUsage, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DiskUsage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DiskUsage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DiskUsage {

            /** Properties of a DiskUsage. */
            interface $Properties {

                /** DiskUsage mount */
                mount?: (string|null);

                /** DiskUsage usedPercent */
                usedPercent?: (number|null);

                /** DiskUsage freeBytes */
                freeBytes?: (number|null);

                /** DiskUsage totalBytes */
                totalBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DiskUsage. */
            type $Shape = runbus.v1.DiskUsage.$Properties;
        }

        /**
         * Properties of a HostSnapshot.
         * @deprecated Use runbus.v1.HostSnapshot.$Properties instead.
         */
        interface IHostSnapshot extends runbus.v1.HostSnapshot.$Properties {
        }

        /** Represents a HostSnapshot. */
        class HostSnapshot {

            /**
             * Constructs a new HostSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.HostSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HostSnapshot tsMs. */
            tsMs: number;

            /** HostSnapshot runId. */
            runId: string;

            /** HostSnapshot host. */
            host: string;

            /** HostSnapshot cpuPercent. */
            cpuPercent?: (number|null);

            /** HostSnapshot memTotalBytes. */
            memTotalBytes?: (number|null);

            /** HostSnapshot memAvailableBytes. */
            memAvailableBytes?: (number|null);

            /** HostSnapshot memPercent. */
            memPercent?: (number|null);

            /** HostSnapshot disks. */
            disks: runbus.v1.DiskUsage.$Properties[];

            /** HostSnapshot load1. */
            load1?: (number|null);

            /** HostSnapshot load5. */
            load5?: (number|null);

            /** HostSnapshot load15. */
            load15?: (number|null);

            /** HostSnapshot cpuCount. */
            cpuCount?: (number|null);

            /** HostSnapshot swapTotalBytes. */
            swapTotalBytes?: (number|null);

            /** HostSnapshot swapUsedBytes. */
            swapUsedBytes?: (number|null);

            /** HostSnapshot errors. */
            errors: runbus.v1.FigureError.$Properties[];

            /**
             * Creates a new HostSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HostSnapshot instance
             */
            static create(properties: runbus.v1.HostSnapshot.$Shape): runbus.v1.HostSnapshot & runbus.v1.HostSnapshot.$Shape;
            static create(properties?: runbus.v1.HostSnapshot.$Properties): runbus.v1.HostSnapshot;

            /**
             * Encodes the specified HostSnapshot message. Does not implicitly {@link runbus.v1.HostSnapshot.verify|verify} messages.
             * @param m HostSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.HostSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HostSnapshot message, length delimited. Does not implicitly {@link runbus.v1.HostSnapshot.verify|verify} messages.
             * @param message HostSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.HostSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HostSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.HostSnapshot & runbus.v1.HostSnapshot.$Shape} HostSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.HostSnapshot & runbus.v1.HostSnapshot.$Shape;

            /**
             * Decodes a HostSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.HostSnapshot & runbus.v1.HostSnapshot.$Shape} HostSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.HostSnapshot & runbus.v1.HostSnapshot.$Shape;

            /**
             * Verifies a HostSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a HostSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns HostSnapshot
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.HostSnapshot;

            /**
             * Creates a plain object from a HostSnapshot message. Also converts values to other types if specified.
             * @param m HostSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.HostSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HostSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HostSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HostSnapshot {

            /** Properties of a HostSnapshot. */
            interface $Properties {

                /** HostSnapshot tsMs */
                tsMs?: (number|null);

                /** HostSnapshot runId */
                runId?: (string|null);

                /** HostSnapshot host */
                host?: (string|null);

                /** HostSnapshot cpuPercent */
                cpuPercent?: (number|null);

                /** HostSnapshot memTotalBytes */
                memTotalBytes?: (number|null);

                /** HostSnapshot memAvailableBytes */
                memAvailableBytes?: (number|null);

                /** HostSnapshot memPercent */
                memPercent?: (number|null);

                /** HostSnapshot disks */
                disks?: (runbus.v1.DiskUsage.$Properties[]|null);

                /** HostSnapshot load1 */
                load1?: (number|null);

                /** HostSnapshot load5 */
                load5?: (number|null);

                /** HostSnapshot load15 */
                load15?: (number|null);

                /** HostSnapshot cpuCount */
                cpuCount?: (number|null);

                /** HostSnapshot swapTotalBytes */
                swapTotalBytes?: (number|null);

                /** HostSnapshot swapUsedBytes */
                swapUsedBytes?: (number|null);

                /** HostSnapshot errors */
                errors?: (runbus.v1.FigureError.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HostSnapshot. */
            type $Shape = runbus.v1.HostSnapshot.$Properties;
        }

        /**
         * Properties of a GpuProcess.
         * @deprecated Use runbus.v1.GpuProcess.$Properties instead.
         */
        interface IGpuProcess extends runbus.v1.GpuProcess.$Properties {
        }

        /** Represents a GpuProcess. */
        class GpuProcess {

            /**
             * Constructs a new GpuProcess.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.GpuProcess.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GpuProcess pid. */
            pid: number;

            /** GpuProcess usedMemBytes. */
            usedMemBytes?: (number|null);

            /** GpuProcess name. */
            name: string;

            /**
             * Creates a new GpuProcess instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GpuProcess instance
             */
            static create(properties: runbus.v1.GpuProcess.$Shape): runbus.v1.GpuProcess & runbus.v1.GpuProcess.$Shape;
            static create(properties?: runbus.v1.GpuProcess.$Properties): runbus.v1.GpuProcess;

            /**
             * Encodes the specified GpuProcess message. Does not implicitly {@link runbus.v1.GpuProcess.verify|verify} messages.
             * @param m GpuProcess message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.GpuProcess.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GpuProcess message, length delimited. Does not implicitly {@link runbus.v1.GpuProcess.verify|verify} messages.
             * @param message GpuProcess message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.GpuProcess.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GpuProcess message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.GpuProcess & runbus.v1.GpuProcess.$Shape} GpuProcess
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.GpuProcess & runbus.v1.GpuProcess.$Shape;

            /**
             * Decodes a GpuProcess message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.GpuProcess & runbus.v1.GpuProcess.$Shape} GpuProcess
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.GpuProcess & runbus.v1.GpuProcess.$Shape;

            /**
             * Verifies a GpuProcess message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a GpuProcess message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns GpuProcess
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.GpuProcess;

            /**
             * Creates a plain object from a GpuProcess message. Also converts values to other types if specified.
             * @param m GpuProcess
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.GpuProcess, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GpuProcess to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GpuProcess
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GpuProcess {

            /** Properties of a GpuProcess. */
            interface $Properties {

                /** GpuProcess pid */
                pid?: (number|null);

                /** GpuProcess usedMemBytes */
                usedMemBytes?: (number|null);

                /** GpuProcess name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GpuProcess. */
            type $Shape = runbus.v1.GpuProcess.$Properties;
        }

        /**
         * Properties of a GpuDevice.
         * @deprecated Use runbus.v1.GpuDevice.$Properties instead.
         */
        interface IGpuDevice extends runbus.v1.GpuDevice.$Properties {
        }

        /** Represents a GpuDevice. */
        class GpuDevice {

            /**
             * Constructs a new GpuDevice.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.GpuDevice.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GpuDevice index. */
            index: number;

            /** GpuDevice uuid. */
            uuid: string;

            /** GpuDevice name. */
            name: string;

            /** GpuDevice utilPercent. */
            utilPercent?: (number|null);

            /** GpuDevice memUsedBytes. */
            memUsedBytes?: (number|null);

            /** GpuDevice memTotalBytes. */
            memTotalBytes?: (number|null);

            /** GpuDevice temperatureC. */
            temperatureC?: (number|null);

            /** GpuDevice powerW. */
            powerW?: (number|null);

            /** GpuDevice processes. */
            processes: runbus.v1.GpuProcess.$Properties[];

            /**
             * Creates a new GpuDevice instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GpuDevice instance
             */
            static create(properties: runbus.v1.GpuDevice.$Shape): runbus.v1.GpuDevice & runbus.v1.GpuDevice.$Shape;
            static create(properties?: runbus.v1.GpuDevice.$Properties): runbus.v1.GpuDevice;

            /**
             * Encodes the specified GpuDevice message. Does not implicitly {@link runbus.v1.GpuDevice.verify|verify} messages.
             * @param m GpuDevice message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.GpuDevice.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GpuDevice message, length delimited. Does not implicitly {@link runbus.v1.GpuDevice.verify|verify} messages.
             * @param message GpuDevice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.GpuDevice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GpuDevice message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.GpuDevice & runbus.v1.GpuDevice.$Shape} GpuDevice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.GpuDevice & runbus.v1.GpuDevice.$Shape;

            /**
             * Decodes a GpuDevice message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.GpuDevice & runbus.v1.GpuDevice.$Shape} GpuDevice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.GpuDevice & runbus.v1.GpuDevice.$Shape;

            /**
             * Verifies a GpuDevice message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a GpuDevice message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns GpuDevice
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.GpuDevice;

            /**
             * Creates a plain object from a GpuDevice message. Also converts values to other types if specified.
             * @param m GpuDevice
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.GpuDevice, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GpuDevice to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GpuDevice
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GpuDevice {

            /** Properties of a GpuDevice. */
            interface $Properties {

                /** GpuDevice index */
                index?: (number|null);

                /** GpuDevice uuid */
                uuid?: (string|null);

                /** GpuDevice name */
                name?: (string|null);

                /** GpuDevice utilPercent */
                utilPercent?: (number|null);

                /** GpuDevice memUsedBytes */
                memUsedBytes?: (number|null);

                /** GpuDevice memTotalBytes */
                memTotalBytes?: (number|null);

                /** GpuDevice temperatureC */
                temperatureC?: (number|null);

                /** GpuDevice powerW */
                powerW?: (number|null);

                /** GpuDevice processes */
                processes?: (runbus.v1.GpuProcess.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GpuDevice. */
            type $Shape = runbus.v1.GpuDevice.$Properties;
        }

        /**
         * Properties of a GpuSnapshot.
         * @deprecated Use runbus.v1.GpuSnapshot.$Properties instead.
         */
        interface IGpuSnapshot extends runbus.v1.GpuSnapshot.$Properties {
        }

        /** Represents a GpuSnapshot. */
        class GpuSnapshot {

            /**
             * Constructs a new GpuSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.GpuSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GpuSnapshot tsMs. */
            tsMs: number;

            /** GpuSnapshot runId. */
            runId: string;

            /** GpuSnapshot host. */
            host: string;

            /** GpuSnapshot devices. */
            devices: runbus.v1.GpuDevice.$Properties[];

            /** GpuSnapshot errors. */
            errors: runbus.v1.FigureError.$Properties[];

            /**
             * Creates a new GpuSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GpuSnapshot instance
             */
            static create(properties: runbus.v1.GpuSnapshot.$Shape): runbus.v1.GpuSnapshot & runbus.v1.GpuSnapshot.$Shape;
            static create(properties?: runbus.v1.GpuSnapshot.$Properties): runbus.v1.GpuSnapshot;

            /**
             * Encodes the specified GpuSnapshot message. Does not implicitly {@link runbus.v1.GpuSnapshot.verify|verify} messages.
             * @param m GpuSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.GpuSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GpuSnapshot message, length delimited. Does not implicitly {@link runbus.v1.GpuSnapshot.verify|verify} messages.
             * @param message GpuSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.GpuSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GpuSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.GpuSnapshot & runbus.v1.GpuSnapshot.$Shape} GpuSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.GpuSnapshot & runbus.v1.GpuSnapshot.$Shape;

            /**
             * Decodes a GpuSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.GpuSnapshot & runbus.v1.GpuSnapshot.$Shape} GpuSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.GpuSnapshot & runbus.v1.GpuSnapshot.$Shape;

            /**
             * Verifies a GpuSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a GpuSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns GpuSnapshot
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.GpuSnapshot;

            /**
             * Creates a plain object from a GpuSnapshot message. Also converts values to other types if specified.
             * @param m GpuSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.GpuSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GpuSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GpuSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GpuSnapshot {

            /** Properties of a GpuSnapshot. */
            interface $Properties {

                /** GpuSnapshot tsMs */
                tsMs?: (number|null);

                /** GpuSnapshot runId */
                runId?: (string|null);

                /** GpuSnapshot host */
                host?: (string|null);

                /** GpuSnapshot devices */
                devices?: (runbus.v1.GpuDevice.$Properties[]|null);

                /** GpuSnapshot errors */
                errors?: (runbus.v1.FigureError.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GpuSnapshot. */
            type $Shape = runbus.v1.GpuSnapshot.$Properties;
        }

        /**
         * Properties of a MetricSample.
         * @deprecated Use runbus.v1.MetricSample.$Properties instead.
         */
        interface IMetricSample extends runbus.v1.MetricSample.$Properties {
        }

        /** Represents a MetricSample. */
        class MetricSample {

            /**
             * Constructs a new MetricSample.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.MetricSample.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricSample tsMs. */
            tsMs: number;

            /** MetricSample runId. */
            runId: string;

            /** MetricSample component. */
            component: string;

            /** MetricSample pid. */
            pid: number;

            /** MetricSample name. */
            name: string;

            /** MetricSample labels. */
            labels: { [k: string]: string };

            /** MetricSample value. */
            value: number;

            /**
             * Creates a new MetricSample instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetricSample instance
             */
            static create(properties: runbus.v1.MetricSample.$Shape): runbus.v1.MetricSample & runbus.v1.MetricSample.$Shape;
            static create(properties?: runbus.v1.MetricSample.$Properties): runbus.v1.MetricSample;

            /**
             * Encodes the specified MetricSample message. Does not implicitly {@link runbus.v1.MetricSample.verify|verify} messages.
             * @param m MetricSample message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.MetricSample.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified MetricSample message, length delimited. Does not implicitly {@link runbus.v1.MetricSample.verify|verify} messages.
             * @param message MetricSample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.MetricSample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricSample message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.MetricSample & runbus.v1.MetricSample.$Shape} MetricSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.MetricSample & runbus.v1.MetricSample.$Shape;

            /**
             * Decodes a MetricSample message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.MetricSample & runbus.v1.MetricSample.$Shape} MetricSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.MetricSample & runbus.v1.MetricSample.$Shape;

            /**
             * Verifies a MetricSample message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a MetricSample message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns MetricSample
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.MetricSample;

            /**
             * Creates a plain object from a MetricSample message. Also converts values to other types if specified.
             * @param m MetricSample
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.MetricSample, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetricSample to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for MetricSample
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MetricSample {

            /** Properties of a MetricSample. */
            interface $Properties {

                /** MetricSample tsMs */
                tsMs?: (number|null);

                /** MetricSample runId */
                runId?: (string|null);

                /** MetricSample component */
                component?: (string|null);

                /** MetricSample pid */
                pid?: (number|null);

                /** MetricSample name */
                name?: (string|null);

                /** MetricSample labels */
                labels?: ({ [k: string]: string }|null);

                /** MetricSample value */
                value?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricSample. */
            type $Shape = runbus.v1.MetricSample.$Properties;
        }

        /** Severity enum. */
        enum Severity {

            /** SEVERITY_UNSPECIFIED value */
            SEVERITY_UNSPECIFIED = 0,

            /** SEVERITY_INFO value */
            SEVERITY_INFO = 1,

            /** SEVERITY_WARNING value */
            SEVERITY_WARNING = 2,

            /** SEVERITY_CRITICAL value */
            SEVERITY_CRITICAL = 3
        }

        /** AlertState enum. */
        enum AlertState {

            /** ALERT_STATE_UNSPECIFIED value */
            ALERT_STATE_UNSPECIFIED = 0,

            /** ALERT_STATE_FIRING value */
            ALERT_STATE_FIRING = 1,

            /** ALERT_STATE_RESOLVED value */
            ALERT_STATE_RESOLVED = 2
        }

        /**
         * Properties of an Alert.
         * @deprecated Use runbus.v1.Alert.$Properties instead.
         */
        interface IAlert extends runbus.v1.Alert.$Properties {
        }

        /** Represents an Alert. */
        class Alert {

            /**
             * Constructs a new Alert.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Alert.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Alert tsMs. */
            tsMs: number;

            /** Alert runId. */
            runId: string;

            /** Alert rule. */
            rule: string;

            /** Alert severity. */
            severity: runbus.v1.Severity;

            /** Alert state. */
            state: runbus.v1.AlertState;

            /** Alert value. */
            value?: (number|null);

            /** Alert threshold. */
            threshold?: (number|null);

            /** Alert message. */
            message: string;

            /** Alert component. */
            component: string;

            /** Alert pid. */
            pid: number;

            /** Alert firedAtMs. */
            firedAtMs: number;

            /** Alert resolvedAtMs. */
            resolvedAtMs?: (number|null);

            /** Alert labels. */
            labels: { [k: string]: string };

            /**
             * Creates a new Alert instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Alert instance
             */
            static create(properties: runbus.v1.Alert.$Shape): runbus.v1.Alert & runbus.v1.Alert.$Shape;
            static create(properties?: runbus.v1.Alert.$Properties): runbus.v1.Alert;

            /**
             * Encodes the specified Alert message. Does not implicitly {@link runbus.v1.Alert.verify|verify} messages.
             * @param m Alert message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Alert.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Alert message, length delimited. Does not implicitly {@link runbus.v1.Alert.verify|verify} messages.
             * @param message Alert message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Alert.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Alert message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Alert & runbus.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Alert & runbus.v1.Alert.$Shape;

            /**
             * Decodes an Alert message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Alert & runbus.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Alert & runbus.v1.Alert.$Shape;

            /**
             * Verifies an Alert message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Alert message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Alert
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Alert;

            /**
             * Creates a plain object from an Alert message. Also converts values to other types if specified.
             * @param m Alert
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Alert, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Alert to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Alert
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Alert {

            /** Properties of an Alert. */
            interface $Properties {

                /** Alert tsMs */
                tsMs?: (number|null);

                /** Alert runId */
                runId?: (string|null);

                /** Alert rule */
                rule?: (string|null);

                /** Alert severity */
                severity?: (runbus.v1.Severity|null);

                /** Alert state */
                state?: (runbus.v1.AlertState|null);

                /** Alert value */
                value?: (number|null);

                /** Alert threshold */
                threshold?: (number|null);

                /** Alert message */
                message?: (string|null);

                /** Alert component */
                component?: (string|null);

                /** Alert pid */
                pid?: (number|null);

                /** Alert firedAtMs */
                firedAtMs?: (number|null);

                /** Alert resolvedAtMs */
                resolvedAtMs?: (number|null);

                /** Alert labels */
                labels?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Alert. */
            type $Shape = runbus.v1.Alert.$Properties;
        }

        /**
         * Properties of a QueueStats.
         * @deprecated Use runbus.v1.QueueStats.$Properties instead.
         */
        interface IQueueStats extends runbus.v1.QueueStats.$Properties {
        }

        /** Represents a QueueStats. */
        class QueueStats {

            /**
             * Constructs a new QueueStats.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.QueueStats.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** QueueStats name. */
            name: string;

            /** QueueStats capacity. */
            capacity: number;

            /** QueueStats depth. */
            depth: number;

            /** QueueStats published. */
            published: number;

            /** QueueStats delivered. */
            delivered: number;

            /** QueueStats dropped. */
            dropped: number;

            /** QueueStats highWater. */
            highWater: number;

            /**
             * Creates a new QueueStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns QueueStats instance
             */
            static create(properties: runbus.v1.QueueStats.$Shape): runbus.v1.QueueStats & runbus.v1.QueueStats.$Shape;
            static create(properties?: runbus.v1.QueueStats.$Properties): runbus.v1.QueueStats;

            /**
             * Encodes the specified QueueStats message. Does not implicitly {@link runbus.v1.QueueStats.verify|verify} messages.
             * @param m QueueStats message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.QueueStats.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified QueueStats message, length delimited. Does not implicitly {@link runbus.v1.QueueStats.verify|verify} messages.
             * @param message QueueStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.QueueStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a QueueStats message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.QueueStats & runbus.v1.QueueStats.$Shape} QueueStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.QueueStats & runbus.v1.QueueStats.$Shape;

            /**
             * Decodes a QueueStats message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.QueueStats & runbus.v1.QueueStats.$Shape} QueueStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.QueueStats & runbus.v1.QueueStats.$Shape;

            /**
             * Verifies a QueueStats message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a QueueStats message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns QueueStats
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.QueueStats;

            /**
             * Creates a plain object from a QueueStats message. Also converts values to other types if specified.
             * @param m QueueStats
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.QueueStats, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this QueueStats to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for QueueStats
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace QueueStats {

            /** Properties of a QueueStats. */
            interface $Properties {

                /** QueueStats name */
                name?: (string|null);

                /** QueueStats capacity */
                capacity?: (number|null);

                /** QueueStats depth */
                depth?: (number|null);

                /** QueueStats published */
                published?: (number|null);

                /** QueueStats delivered */
                delivered?: (number|null);

                /** QueueStats dropped */
                dropped?: (number|null);

                /** QueueStats highWater */
                highWater?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a QueueStats. */
            type $Shape = runbus.v1.QueueStats.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use runbus.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends runbus.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat tsMs. */
            tsMs: number;

            /** Heartbeat runId. */
            runId: string;

            /** Heartbeat component. */
            component: string;

            /** Heartbeat pid. */
            pid: number;

            /** Heartbeat uptimeMs. */
            uptimeMs: number;

            /** Heartbeat queues. */
            queues: runbus.v1.QueueStats.$Properties[];

            /** Heartbeat droppedTotal. */
            droppedTotal: number;

            /** Heartbeat rowsWritten. */
            rowsWritten: number;

            /** Heartbeat flushP50Ms. */
            flushP50Ms?: (number|null);

            /** Heartbeat flushP99Ms. */
            flushP99Ms?: (number|null);

            /** Heartbeat walBytes. */
            walBytes?: (number|null);

            /** Heartbeat lastBatchSize. */
            lastBatchSize: number;

            /** Heartbeat ticksSkipped. */
            ticksSkipped: number;

            /** Heartbeat connections. */
            connections: number;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: runbus.v1.Heartbeat.$Shape): runbus.v1.Heartbeat & runbus.v1.Heartbeat.$Shape;
            static create(properties?: runbus.v1.Heartbeat.$Properties): runbus.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link runbus.v1.Heartbeat.verify|verify} messages.
             * @param m Heartbeat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Heartbeat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Heartbeat message, length delimited. Does not implicitly {@link runbus.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Heartbeat & runbus.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Heartbeat & runbus.v1.Heartbeat.$Shape;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Heartbeat & runbus.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Heartbeat & runbus.v1.Heartbeat.$Shape;

            /**
             * Verifies a Heartbeat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Heartbeat
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param m Heartbeat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Heartbeat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Heartbeat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat tsMs */
                tsMs?: (number|null);

                /** Heartbeat runId */
                runId?: (string|null);

                /** Heartbeat component */
                component?: (string|null);

                /** Heartbeat pid */
                pid?: (number|null);

                /** Heartbeat uptimeMs */
                uptimeMs?: (number|null);

                /** Heartbeat queues */
                queues?: (runbus.v1.QueueStats.$Properties[]|null);

                /** Heartbeat droppedTotal */
                droppedTotal?: (number|null);

                /** Heartbeat rowsWritten */
                rowsWritten?: (number|null);

                /** Heartbeat flushP50Ms */
                flushP50Ms?: (number|null);

                /** Heartbeat flushP99Ms */
                flushP99Ms?: (number|null);

                /** Heartbeat walBytes */
                walBytes?: (number|null);

                /** Heartbeat lastBatchSize */
                lastBatchSize?: (number|null);

                /** Heartbeat ticksSkipped */
                ticksSkipped?: (number|null);

                /** Heartbeat connections */
                connections?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = runbus.v1.Heartbeat.$Properties;
        }

        /** LifecycleKind enum. */
        enum LifecycleKind {

            /** LIFECYCLE_KIND_UNSPECIFIED value */
            LIFECYCLE_KIND_UNSPECIFIED = 0,

            /** LIFECYCLE_RUN_STARTED value */
            LIFECYCLE_RUN_STARTED = 1,

            /** LIFECYCLE_RUN_ENDED value */
            LIFECYCLE_RUN_ENDED = 2,

            /** LIFECYCLE_PROCESS_STARTED value */
            LIFECYCLE_PROCESS_STARTED = 3,

            /** LIFECYCLE_PROCESS_EXITED value */
            LIFECYCLE_PROCESS_EXITED = 4,

            /** LIFECYCLE_CONTAINER_STARTED value */
            LIFECYCLE_CONTAINER_STARTED = 5,

            /** LIFECYCLE_CONTAINER_EXITED value */
            LIFECYCLE_CONTAINER_EXITED = 6,

            /** LIFECYCLE_CONTAINER_CLEANED value */
            LIFECYCLE_CONTAINER_CLEANED = 7,

            /** LIFECYCLE_CONTAINER_ORPHANED value */
            LIFECYCLE_CONTAINER_ORPHANED = 8,

            /** LIFECYCLE_PROCESS_RENAMED value */
            LIFECYCLE_PROCESS_RENAMED = 9
        }

        /**
         * Properties of a Lifecycle.
         * @deprecated Use runbus.v1.Lifecycle.$Properties instead.
         */
        interface ILifecycle extends runbus.v1.Lifecycle.$Properties {
        }

        /** Represents a Lifecycle. */
        class Lifecycle {

            /**
             * Constructs a new Lifecycle.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Lifecycle.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Lifecycle tsMs. */
            tsMs: number;

            /** Lifecycle runId. */
            runId: string;

            /** Lifecycle kind. */
            kind: runbus.v1.LifecycleKind;

            /** Lifecycle component. */
            component: string;

            /** Lifecycle pid. */
            pid: number;

            /** Lifecycle ppid. */
            ppid: number;

            /** Lifecycle command. */
            command: string;

            /** Lifecycle exitCode. */
            exitCode?: (number|null);

            /** Lifecycle signal. */
            signal: string;

            /** Lifecycle host. */
            host: string;

            /** Lifecycle containerId. */
            containerId: string;

            /** Lifecycle image. */
            image: string;

            /** Lifecycle labels. */
            labels: { [k: string]: string };

            /** Lifecycle createdAtMs. */
            createdAtMs: number;

            /** Lifecycle previousComponent. */
            previousComponent: string;

            /**
             * Creates a new Lifecycle instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Lifecycle instance
             */
            static create(properties: runbus.v1.Lifecycle.$Shape): runbus.v1.Lifecycle & runbus.v1.Lifecycle.$Shape;
            static create(properties?: runbus.v1.Lifecycle.$Properties): runbus.v1.Lifecycle;

            /**
             * Encodes the specified Lifecycle message. Does not implicitly {@link runbus.v1.Lifecycle.verify|verify} messages.
             * @param m Lifecycle message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Lifecycle.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Lifecycle message, length delimited. Does not implicitly {@link runbus.v1.Lifecycle.verify|verify} messages.
             * @param message Lifecycle message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Lifecycle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Lifecycle message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Lifecycle & runbus.v1.Lifecycle.$Shape} Lifecycle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Lifecycle & runbus.v1.Lifecycle.$Shape;

            /**
             * Decodes a Lifecycle message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Lifecycle & runbus.v1.Lifecycle.$Shape} Lifecycle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Lifecycle & runbus.v1.Lifecycle.$Shape;

            /**
             * Verifies a Lifecycle message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Lifecycle message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Lifecycle
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Lifecycle;

            /**
             * Creates a plain object from a Lifecycle message. Also converts values to other types if specified.
             * @param m Lifecycle
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Lifecycle, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Lifecycle to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Lifecycle
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Lifecycle {

            /** Properties of a Lifecycle. */
            interface $Properties {

                /** Lifecycle tsMs */
                tsMs?: (number|null);

                /** Lifecycle runId */
                runId?: (string|null);

                /** Lifecycle kind */
                kind?: (runbus.v1.LifecycleKind|null);

                /** Lifecycle component */
                component?: (string|null);

                /** Lifecycle pid */
                pid?: (number|null);

                /** Lifecycle ppid */
                ppid?: (number|null);

                /** Lifecycle command */
                command?: (string|null);

                /** Lifecycle exitCode */
                exitCode?: (number|null);

                /** Lifecycle signal */
                signal?: (string|null);

                /** Lifecycle host */
                host?: (string|null);

                /** Lifecycle containerId */
                containerId?: (string|null);

                /** Lifecycle image */
                image?: (string|null);

                /** Lifecycle labels */
                labels?: ({ [k: string]: string }|null);

                /** Lifecycle createdAtMs */
                createdAtMs?: (number|null);

                /** Lifecycle previousComponent */
                previousComponent?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Lifecycle. */
            type $Shape = runbus.v1.Lifecycle.$Properties;
        }

        /**
         * Properties of a ContainerSnapshot.
         * @deprecated Use runbus.v1.ContainerSnapshot.$Properties instead.
         */
        interface IContainerSnapshot extends runbus.v1.ContainerSnapshot.$Properties {
        }

        /** Represents a ContainerSnapshot. */
        class ContainerSnapshot {

            /**
             * Constructs a new ContainerSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.ContainerSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ContainerSnapshot tsMs. */
            tsMs: number;

            /** ContainerSnapshot runId. */
            runId: string;

            /** ContainerSnapshot containerId. */
            containerId: string;

            /** ContainerSnapshot name. */
            name: string;

            /** ContainerSnapshot image. */
            image: string;

            /** ContainerSnapshot pid. */
            pid: number;

            /** ContainerSnapshot cpuPercent. */
            cpuPercent?: (number|null);

            /** ContainerSnapshot memBytes. */
            memBytes?: (number|null);

            /** ContainerSnapshot memLimitBytes. */
            memLimitBytes?: (number|null);

            /** ContainerSnapshot pids. */
            pids?: (number|null);

            /** ContainerSnapshot ioReadBytes. */
            ioReadBytes?: (number|null);

            /** ContainerSnapshot ioWriteBytes. */
            ioWriteBytes?: (number|null);

            /** ContainerSnapshot cpuMs. */
            cpuMs?: (number|null);

            /** ContainerSnapshot source. */
            source: string;

            /** ContainerSnapshot stale. */
            stale: boolean;

            /** ContainerSnapshot errors. */
            errors: runbus.v1.FigureError.$Properties[];

            /**
             * Creates a new ContainerSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ContainerSnapshot instance
             */
            static create(properties: runbus.v1.ContainerSnapshot.$Shape): runbus.v1.ContainerSnapshot & runbus.v1.ContainerSnapshot.$Shape;
            static create(properties?: runbus.v1.ContainerSnapshot.$Properties): runbus.v1.ContainerSnapshot;

            /**
             * Encodes the specified ContainerSnapshot message. Does not implicitly {@link runbus.v1.ContainerSnapshot.verify|verify} messages.
             * @param m ContainerSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.ContainerSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ContainerSnapshot message, length delimited. Does not implicitly {@link runbus.v1.ContainerSnapshot.verify|verify} messages.
             * @param message ContainerSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.ContainerSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ContainerSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.ContainerSnapshot & runbus.v1.ContainerSnapshot.$Shape} ContainerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.ContainerSnapshot & runbus.v1.ContainerSnapshot.$Shape;

            /**
             * Decodes a ContainerSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.ContainerSnapshot & runbus.v1.ContainerSnapshot.$Shape} ContainerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.ContainerSnapshot & runbus.v1.ContainerSnapshot.$Shape;

            /**
             * Verifies a ContainerSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ContainerSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ContainerSnapshot
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.ContainerSnapshot;

            /**
             * Creates a plain object from a ContainerSnapshot message. Also converts values to other types if specified.
             * @param m ContainerSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.ContainerSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ContainerSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ContainerSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ContainerSnapshot {

            /** Properties of a ContainerSnapshot. */
            interface $Properties {

                /** ContainerSnapshot tsMs */
                tsMs?: (number|null);

                /** ContainerSnapshot runId */
                runId?: (string|null);

                /** ContainerSnapshot containerId */
                containerId?: (string|null);

                /** ContainerSnapshot name */
                name?: (string|null);

                /** ContainerSnapshot image */
                image?: (string|null);

                /** ContainerSnapshot pid */
                pid?: (number|null);

                /** ContainerSnapshot cpuPercent */
                cpuPercent?: (number|null);

                /** ContainerSnapshot memBytes */
                memBytes?: (number|null);

                /** ContainerSnapshot memLimitBytes */
                memLimitBytes?: (number|null);

                /** ContainerSnapshot pids */
                pids?: (number|null);

                /** ContainerSnapshot ioReadBytes */
                ioReadBytes?: (number|null);

                /** ContainerSnapshot ioWriteBytes */
                ioWriteBytes?: (number|null);

                /** ContainerSnapshot cpuMs */
                cpuMs?: (number|null);

                /** ContainerSnapshot source */
                source?: (string|null);

                /** ContainerSnapshot stale */
                stale?: (boolean|null);

                /** ContainerSnapshot errors */
                errors?: (runbus.v1.FigureError.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ContainerSnapshot. */
            type $Shape = runbus.v1.ContainerSnapshot.$Properties;
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use runbus.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends runbus.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope topic. */
            topic: runbus.v1.Topic;

            /** Envelope resource. */
            resource?: (runbus.v1.ResourceSnapshot.$Properties|null);

            /** Envelope host. */
            host?: (runbus.v1.HostSnapshot.$Properties|null);

            /** Envelope gpu. */
            gpu?: (runbus.v1.GpuSnapshot.$Properties|null);

            /** Envelope metric. */
            metric?: (runbus.v1.MetricSample.$Properties|null);

            /** Envelope alert. */
            alert?: (runbus.v1.Alert.$Properties|null);

            /** Envelope heartbeat. */
            heartbeat?: (runbus.v1.Heartbeat.$Properties|null);

            /** Envelope lifecycle. */
            lifecycle?: (runbus.v1.Lifecycle.$Properties|null);

            /** Envelope container. */
            container?: (runbus.v1.ContainerSnapshot.$Properties|null);

            /** Envelope payload. */
            payload?: ("resource"|"host"|"gpu"|"metric"|"alert"|"heartbeat"|"lifecycle"|"container");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: runbus.v1.Envelope.$Shape): runbus.v1.Envelope & runbus.v1.Envelope.$Shape;
            static create(properties?: runbus.v1.Envelope.$Properties): runbus.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link runbus.v1.Envelope.verify|verify} messages.
             * @param m Envelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link runbus.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Envelope & runbus.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Envelope & runbus.v1.Envelope.$Shape;

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Envelope & runbus.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Envelope & runbus.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Envelope
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param m Envelope
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Envelope, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope topic */
                topic?: (runbus.v1.Topic|null);

                /** Envelope resource */
                resource?: (runbus.v1.ResourceSnapshot.$Properties|null);

                /** Envelope host */
                host?: (runbus.v1.HostSnapshot.$Properties|null);

                /** Envelope gpu */
                gpu?: (runbus.v1.GpuSnapshot.$Properties|null);

                /** Envelope metric */
                metric?: (runbus.v1.MetricSample.$Properties|null);

                /** Envelope alert */
                alert?: (runbus.v1.Alert.$Properties|null);

                /** Envelope heartbeat */
                heartbeat?: (runbus.v1.Heartbeat.$Properties|null);

                /** Envelope lifecycle */
                lifecycle?: (runbus.v1.Lifecycle.$Properties|null);

                /** Envelope container */
                container?: (runbus.v1.ContainerSnapshot.$Properties|null);

                /** Envelope payload */
                payload?: ("resource"|"host"|"gpu"|"metric"|"alert"|"heartbeat"|"lifecycle"|"container");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              topic?: runbus.v1.Topic|null;
              resource?: runbus.v1.ResourceSnapshot.$Shape|null;
              host?: runbus.v1.HostSnapshot.$Shape|null;
              gpu?: runbus.v1.GpuSnapshot.$Shape|null;
              metric?: runbus.v1.MetricSample.$Shape|null;
              alert?: runbus.v1.Alert.$Shape|null;
              heartbeat?: runbus.v1.Heartbeat.$Shape|null;
              lifecycle?: runbus.v1.Lifecycle.$Shape|null;
              container?: runbus.v1.ContainerSnapshot.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ payload?: undefined; resource?: null; host?: null; gpu?: null; metric?: null; alert?: null; heartbeat?: null; lifecycle?: null; container?: null }|{ payload?: "resource"; resource: runbus.v1.ResourceSnapshot.$Shape; host?: null; gpu?: null; metric?: null; alert?: null; heartbeat?: null; lifecycle?: null; container?: null }|{ payload?: "host"; resource?: null; host: runbus.v1.HostSnapshot.$Shape; gpu?: null; metric?: null; alert?: null; heartbeat?: null; lifecycle?: null; container?: null }|{ payload?: "gpu"; resource?: null; host?: null; gpu: runbus.v1.GpuSnapshot.$Shape; metric?: null; alert?: null; heartbeat?: null; lifecycle?: null; container?: null }|{ payload?: "metric"; resource?: null; host?: null; gpu?: null; metric: runbus.v1.MetricSample.$Shape; alert?: null; heartbeat?: null; lifecycle?: null; container?: null }|{ payload?: "alert"; resource?: null; host?: null; gpu?: null; metric?: null; alert: runbus.v1.Alert.$Shape; heartbeat?: null; lifecycle?: null; container?: null }|{ payload?: "heartbeat"; resource?: null; host?: null; gpu?: null; metric?: null; alert?: null; heartbeat: runbus.v1.Heartbeat.$Shape; lifecycle?: null; container?: null }|{ payload?: "lifecycle"; resource?: null; host?: null; gpu?: null; metric?: null; alert?: null; heartbeat?: null; lifecycle: runbus.v1.Lifecycle.$Shape; container?: null }|{ payload?: "container"; resource?: null; host?: null; gpu?: null; metric?: null; alert?: null; heartbeat?: null; lifecycle?: null; container: runbus.v1.ContainerSnapshot.$Shape })
            );
        }

        /**
         * Properties of a Hello.
         * @deprecated Use runbus.v1.Hello.$Properties instead.
         */
        interface IHello extends runbus.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello protocolVersion. */
            protocolVersion: number;

            /** Hello component. */
            component: string;

            /** Hello pid. */
            pid: number;

            /** Hello runId. */
            runId: string;

            /** Hello token. */
            token: string;

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: runbus.v1.Hello.$Shape): runbus.v1.Hello & runbus.v1.Hello.$Shape;
            static create(properties?: runbus.v1.Hello.$Properties): runbus.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link runbus.v1.Hello.verify|verify} messages.
             * @param m Hello message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Hello.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link runbus.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Hello & runbus.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Hello & runbus.v1.Hello.$Shape;

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Hello & runbus.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Hello & runbus.v1.Hello.$Shape;

            /**
             * Verifies a Hello message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Hello
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param m Hello
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Hello, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Hello
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello protocolVersion */
                protocolVersion?: (number|null);

                /** Hello component */
                component?: (string|null);

                /** Hello pid */
                pid?: (number|null);

                /** Hello runId */
                runId?: (string|null);

                /** Hello token */
                token?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = runbus.v1.Hello.$Properties;
        }

        /**
         * Properties of a Publish.
         * @deprecated Use runbus.v1.Publish.$Properties instead.
         */
        interface IPublish extends runbus.v1.Publish.$Properties {
        }

        /** Represents a Publish. */
        class Publish {

            /**
             * Constructs a new Publish.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Publish.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Publish envelopes. */
            envelopes: runbus.v1.Envelope.$Properties[];

            /**
             * Creates a new Publish instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Publish instance
             */
            static create(properties: runbus.v1.Publish.$Shape): runbus.v1.Publish & runbus.v1.Publish.$Shape;
            static create(properties?: runbus.v1.Publish.$Properties): runbus.v1.Publish;

            /**
             * Encodes the specified Publish message. Does not implicitly {@link runbus.v1.Publish.verify|verify} messages.
             * @param m Publish message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Publish.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Publish message, length delimited. Does not implicitly {@link runbus.v1.Publish.verify|verify} messages.
             * @param message Publish message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Publish.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Publish message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Publish & runbus.v1.Publish.$Shape} Publish
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Publish & runbus.v1.Publish.$Shape;

            /**
             * Decodes a Publish message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Publish & runbus.v1.Publish.$Shape} Publish
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Publish & runbus.v1.Publish.$Shape;

            /**
             * Verifies a Publish message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Publish message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Publish
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Publish;

            /**
             * Creates a plain object from a Publish message. Also converts values to other types if specified.
             * @param m Publish
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Publish, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Publish to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Publish
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Publish {

            /** Properties of a Publish. */
            interface $Properties {

                /** Publish envelopes */
                envelopes?: (runbus.v1.Envelope.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Publish. */
            type $Shape = {
              envelopes?: runbus.v1.Envelope.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Subscribe.
         * @deprecated Use runbus.v1.Subscribe.$Properties instead.
         */
        interface ISubscribe extends runbus.v1.Subscribe.$Properties {
        }

        /** Represents a Subscribe. */
        class Subscribe {

            /**
             * Constructs a new Subscribe.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Subscribe.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Subscribe topics. */
            topics: runbus.v1.Topic[];

            /** Subscribe runId. */
            runId: string;

            /** Subscribe component. */
            component: string;

            /**
             * Creates a new Subscribe instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Subscribe instance
             */
            static create(properties: runbus.v1.Subscribe.$Shape): runbus.v1.Subscribe & runbus.v1.Subscribe.$Shape;
            static create(properties?: runbus.v1.Subscribe.$Properties): runbus.v1.Subscribe;

            /**
             * Encodes the specified Subscribe message. Does not implicitly {@link runbus.v1.Subscribe.verify|verify} messages.
             * @param m Subscribe message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Subscribe.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Subscribe message, length delimited. Does not implicitly {@link runbus.v1.Subscribe.verify|verify} messages.
             * @param message Subscribe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Subscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Subscribe message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Subscribe & runbus.v1.Subscribe.$Shape} Subscribe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Subscribe & runbus.v1.Subscribe.$Shape;

            /**
             * Decodes a Subscribe message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Subscribe & runbus.v1.Subscribe.$Shape} Subscribe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Subscribe & runbus.v1.Subscribe.$Shape;

            /**
             * Verifies a Subscribe message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Subscribe message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Subscribe
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Subscribe;

            /**
             * Creates a plain object from a Subscribe message. Also converts values to other types if specified.
             * @param m Subscribe
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Subscribe, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Subscribe to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Subscribe
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Subscribe {

            /** Properties of a Subscribe. */
            interface $Properties {

                /** Subscribe topics */
                topics?: (runbus.v1.Topic[]|null);

                /** Subscribe runId */
                runId?: (string|null);

                /** Subscribe component */
                component?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Subscribe. */
            type $Shape = runbus.v1.Subscribe.$Properties;
        }

        /**
         * Properties of an ErrorFrame.
         * @deprecated Use runbus.v1.ErrorFrame.$Properties instead.
         */
        interface IErrorFrame extends runbus.v1.ErrorFrame.$Properties {
        }

        /** Represents an ErrorFrame. */
        class ErrorFrame {

            /**
             * Constructs a new ErrorFrame.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.ErrorFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ErrorFrame code. */
            code: string;

            /** ErrorFrame message. */
            message: string;

            /**
             * Creates a new ErrorFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ErrorFrame instance
             */
            static create(properties: runbus.v1.ErrorFrame.$Shape): runbus.v1.ErrorFrame & runbus.v1.ErrorFrame.$Shape;
            static create(properties?: runbus.v1.ErrorFrame.$Properties): runbus.v1.ErrorFrame;

            /**
             * Encodes the specified ErrorFrame message. Does not implicitly {@link runbus.v1.ErrorFrame.verify|verify} messages.
             * @param m ErrorFrame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.ErrorFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ErrorFrame message, length delimited. Does not implicitly {@link runbus.v1.ErrorFrame.verify|verify} messages.
             * @param message ErrorFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.ErrorFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ErrorFrame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.ErrorFrame & runbus.v1.ErrorFrame.$Shape} ErrorFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.ErrorFrame & runbus.v1.ErrorFrame.$Shape;

            /**
             * Decodes an ErrorFrame message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.ErrorFrame & runbus.v1.ErrorFrame.$Shape} ErrorFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.ErrorFrame & runbus.v1.ErrorFrame.$Shape;

            /**
             * Verifies an ErrorFrame message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an ErrorFrame message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ErrorFrame
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.ErrorFrame;

            /**
             * Creates a plain object from an ErrorFrame message. Also converts values to other types if specified.
             * @param m ErrorFrame
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.ErrorFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ErrorFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ErrorFrame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ErrorFrame {

            /** Properties of an ErrorFrame. */
            interface $Properties {

                /** ErrorFrame code */
                code?: (string|null);

                /** ErrorFrame message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ErrorFrame. */
            type $Shape = runbus.v1.ErrorFrame.$Properties;
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use runbus.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends runbus.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome protocolVersion. */
            protocolVersion: number;

            /** Welcome pid. */
            pid: number;

            /** Welcome component. */
            component: string;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: runbus.v1.Welcome.$Shape): runbus.v1.Welcome & runbus.v1.Welcome.$Shape;
            static create(properties?: runbus.v1.Welcome.$Properties): runbus.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link runbus.v1.Welcome.verify|verify} messages.
             * @param m Welcome message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Welcome.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link runbus.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Welcome & runbus.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Welcome & runbus.v1.Welcome.$Shape;

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Welcome & runbus.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Welcome & runbus.v1.Welcome.$Shape;

            /**
             * Verifies a Welcome message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Welcome
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Welcome;

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @param m Welcome
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Welcome, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Welcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Welcome
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome protocolVersion */
                protocolVersion?: (number|null);

                /** Welcome pid */
                pid?: (number|null);

                /** Welcome component */
                component?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = runbus.v1.Welcome.$Properties;
        }

        /**
         * Properties of a LoopReport.
         * @deprecated Use runbus.v1.LoopReport.$Properties instead.
         */
        interface ILoopReport extends runbus.v1.LoopReport.$Properties {
        }

        /** Represents a LoopReport. */
        class LoopReport {

            /**
             * Constructs a new LoopReport.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.LoopReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoopReport tsMs. */
            tsMs: number;

            /** LoopReport loopLagP50Ms. */
            loopLagP50Ms?: (number|null);

            /** LoopReport loopLagP99Ms. */
            loopLagP99Ms?: (number|null);

            /** LoopReport loopLagMaxMs. */
            loopLagMaxMs?: (number|null);

            /** LoopReport loopUtilization. */
            loopUtilization?: (number|null);

            /** LoopReport heapUsedBytes. */
            heapUsedBytes?: (number|null);

            /** LoopReport heapTotalBytes. */
            heapTotalBytes?: (number|null);

            /** LoopReport externalBytes. */
            externalBytes?: (number|null);

            /** LoopReport arrayBuffersBytes. */
            arrayBuffersBytes?: (number|null);

            /** LoopReport gcMinorMs. */
            gcMinorMs?: (number|null);

            /** LoopReport gcMajorMs. */
            gcMajorMs?: (number|null);

            /** LoopReport gcIncrementalMs. */
            gcIncrementalMs?: (number|null);

            /** LoopReport gcWeakcbMs. */
            gcWeakcbMs?: (number|null);

            /** LoopReport activeResources. */
            activeResources?: (number|null);

            /**
             * Creates a new LoopReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LoopReport instance
             */
            static create(properties: runbus.v1.LoopReport.$Shape): runbus.v1.LoopReport & runbus.v1.LoopReport.$Shape;
            static create(properties?: runbus.v1.LoopReport.$Properties): runbus.v1.LoopReport;

            /**
             * Encodes the specified LoopReport message. Does not implicitly {@link runbus.v1.LoopReport.verify|verify} messages.
             * @param m LoopReport message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.LoopReport.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LoopReport message, length delimited. Does not implicitly {@link runbus.v1.LoopReport.verify|verify} messages.
             * @param message LoopReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.LoopReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LoopReport message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.LoopReport & runbus.v1.LoopReport.$Shape} LoopReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.LoopReport & runbus.v1.LoopReport.$Shape;

            /**
             * Decodes a LoopReport message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.LoopReport & runbus.v1.LoopReport.$Shape} LoopReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.LoopReport & runbus.v1.LoopReport.$Shape;

            /**
             * Verifies a LoopReport message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a LoopReport message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns LoopReport
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.LoopReport;

            /**
             * Creates a plain object from a LoopReport message. Also converts values to other types if specified.
             * @param m LoopReport
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.LoopReport, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LoopReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LoopReport
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LoopReport {

            /** Properties of a LoopReport. */
            interface $Properties {

                /** LoopReport tsMs */
                tsMs?: (number|null);

                /** LoopReport loopLagP50Ms */
                loopLagP50Ms?: (number|null);

                /** LoopReport loopLagP99Ms */
                loopLagP99Ms?: (number|null);

                /** LoopReport loopLagMaxMs */
                loopLagMaxMs?: (number|null);

                /** LoopReport loopUtilization */
                loopUtilization?: (number|null);

                /** LoopReport heapUsedBytes */
                heapUsedBytes?: (number|null);

                /** LoopReport heapTotalBytes */
                heapTotalBytes?: (number|null);

                /** LoopReport externalBytes */
                externalBytes?: (number|null);

                /** LoopReport arrayBuffersBytes */
                arrayBuffersBytes?: (number|null);

                /** LoopReport gcMinorMs */
                gcMinorMs?: (number|null);

                /** LoopReport gcMajorMs */
                gcMajorMs?: (number|null);

                /** LoopReport gcIncrementalMs */
                gcIncrementalMs?: (number|null);

                /** LoopReport gcWeakcbMs */
                gcWeakcbMs?: (number|null);

                /** LoopReport activeResources */
                activeResources?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoopReport. */
            type $Shape = runbus.v1.LoopReport.$Properties;
        }

        /**
         * Properties of a Frame.
         * @deprecated Use runbus.v1.Frame.$Properties instead.
         */
        interface IFrame extends runbus.v1.Frame.$Properties {
        }

        /** Represents a Frame. */
        class Frame {

            /**
             * Constructs a new Frame.
             * @param [p] Properties to set
             */
            constructor(p?: runbus.v1.Frame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Frame hello. */
            hello?: (runbus.v1.Hello.$Properties|null);

            /** Frame publish. */
            publish?: (runbus.v1.Publish.$Properties|null);

            /** Frame subscribe. */
            subscribe?: (runbus.v1.Subscribe.$Properties|null);

            /** Frame error. */
            error?: (runbus.v1.ErrorFrame.$Properties|null);

            /** Frame welcome. */
            welcome?: (runbus.v1.Welcome.$Properties|null);

            /** Frame loop. */
            loop?: (runbus.v1.LoopReport.$Properties|null);

            /** Frame kind. */
            kind?: ("hello"|"publish"|"subscribe"|"error"|"welcome"|"loop");

            /**
             * Creates a new Frame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Frame instance
             */
            static create(properties: runbus.v1.Frame.$Shape): runbus.v1.Frame & runbus.v1.Frame.$Shape;
            static create(properties?: runbus.v1.Frame.$Properties): runbus.v1.Frame;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link runbus.v1.Frame.verify|verify} messages.
             * @param m Frame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: runbus.v1.Frame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Frame message, length delimited. Does not implicitly {@link runbus.v1.Frame.verify|verify} messages.
             * @param message Frame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: runbus.v1.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {runbus.v1.Frame & runbus.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): runbus.v1.Frame & runbus.v1.Frame.$Shape;

            /**
             * Decodes a Frame message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {runbus.v1.Frame & runbus.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): runbus.v1.Frame & runbus.v1.Frame.$Shape;

            /**
             * Verifies a Frame message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Frame message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Frame
             */
            static fromObject(d: { [k: string]: any }): runbus.v1.Frame;

            /**
             * Creates a plain object from a Frame message. Also converts values to other types if specified.
             * @param m Frame
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: runbus.v1.Frame, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Frame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Frame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Frame {

            /** Properties of a Frame. */
            interface $Properties {

                /** Frame hello */
                hello?: (runbus.v1.Hello.$Properties|null);

                /** Frame publish */
                publish?: (runbus.v1.Publish.$Properties|null);

                /** Frame subscribe */
                subscribe?: (runbus.v1.Subscribe.$Properties|null);

                /** Frame error */
                error?: (runbus.v1.ErrorFrame.$Properties|null);

                /** Frame welcome */
                welcome?: (runbus.v1.Welcome.$Properties|null);

                /** Frame loop */
                loop?: (runbus.v1.LoopReport.$Properties|null);

                /** Frame kind */
                kind?: ("hello"|"publish"|"subscribe"|"error"|"welcome"|"loop");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Frame. */
            type $Shape = {
              hello?: runbus.v1.Hello.$Shape|null;
              publish?: runbus.v1.Publish.$Shape|null;
              subscribe?: runbus.v1.Subscribe.$Shape|null;
              error?: runbus.v1.ErrorFrame.$Shape|null;
              welcome?: runbus.v1.Welcome.$Shape|null;
              loop?: runbus.v1.LoopReport.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; hello?: null; publish?: null; subscribe?: null; error?: null; welcome?: null; loop?: null }|{ kind?: "hello"; hello: runbus.v1.Hello.$Shape; publish?: null; subscribe?: null; error?: null; welcome?: null; loop?: null }|{ kind?: "publish"; hello?: null; publish: runbus.v1.Publish.$Shape; subscribe?: null; error?: null; welcome?: null; loop?: null }|{ kind?: "subscribe"; hello?: null; publish?: null; subscribe: runbus.v1.Subscribe.$Shape; error?: null; welcome?: null; loop?: null }|{ kind?: "error"; hello?: null; publish?: null; subscribe?: null; error: runbus.v1.ErrorFrame.$Shape; welcome?: null; loop?: null }|{ kind?: "welcome"; hello?: null; publish?: null; subscribe?: null; error?: null; welcome: runbus.v1.Welcome.$Shape; loop?: null }|{ kind?: "loop"; hello?: null; publish?: null; subscribe?: null; error?: null; welcome?: null; loop: runbus.v1.LoopReport.$Shape })
            );
        }
    }
}
