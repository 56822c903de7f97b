using Corridors.Reliability;

namespace Corridors.Simulation;

/// <summary>
/// The Caspian crossing as a discrete-event simulation on <see cref="EventQueue"/>. Trains of
/// <see cref="CrossingScenario.BatchTeu"/> arrive at each line's yard in both directions (Poisson, with the month's
/// rate); vessels shuttle between the line's two ports, queue for a berth, discharge and load
/// (<see cref="CrossingPort.HandlingHours"/>), then wait at the berth until full or the longest wait (sail when full;
/// such a vessel sails early, with what it has, when another vessel queues for the berth) or until their timetable
/// slot (scheduled), and sail only on days the sea is open. Cargo is loaded first come,
/// first served; its wait runs from its arrival at the yard to its vessel's departure. Every random draw comes from a
/// stream seeded from (seed, entity), so a run is a function of the scenario alone, and adding a vessel leaves the
/// arrivals and the weather unchanged. Nothing is allocated per event once the yards' ring buffers have grown.
/// </summary>
public sealed class CrossingSimulation
{
    private const int TrainArrive = 0;
    private const int VesselArrive = 1;
    private const int HandlingDone = 2;
    private const int DepartTry = 3;
    private const int Sample = 4;

    private readonly EventQueue _events = new(1024);

    /// <summary>Runs a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="progress">Called with the simulated share of the horizon (0–1), about a hundred times a run.</param>
    /// <param name="cancellationToken">Stops the run between events.</param>
    public CrossingResult Run(CrossingScenario scenario, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Check(scenario);
        var run = new Pass(scenario, _events);
        return run.Execute(progress, cancellationToken);
    }

    private static void Check(CrossingScenario s)
    {
        if (s.ClosureProbabilityByMonth.Count != 12 || s.SeasonalityByMonth.Count != 12)
        {
            throw new ArgumentException("Closure probabilities and seasonality need 12 months each.", nameof(s));
        }

        if (s.Days < 1 || !(s.BatchTeu > 0) || !(s.SampleHours > 0) || !(s.TeuPerWagon > 0))
        {
            throw new ArgumentException("Days, batch size, sample interval and TEU per wagon must be above 0.", nameof(s));
        }

        foreach (var line in s.Lines)
        {
            if (line.PortA < 0 || line.PortA >= s.Ports.Count || line.PortB < 0 || line.PortB >= s.Ports.Count || line.PortA == line.PortB)
            {
                throw new ArgumentException($"Line {line.Id} has bad port indexes.", nameof(s));
            }

            if (!(line.SailingHours.Min > 0) || !line.SailingHours.IsValid)
            {
                throw new ArgumentException($"Line {line.Id} needs a sailing time above 0.", nameof(s));
            }

            if (line.Policy == SailingPolicy.Scheduled && !(line.DeparturesPerWeek > 0))
            {
                throw new ArgumentException($"Scheduled line {line.Id} needs departures per week.", nameof(s));
            }
        }

        foreach (var port in s.Ports)
        {
            if (port.Berths < 1 || !(port.HandlingHours.Min > 0) || !port.HandlingHours.IsValid)
            {
                throw new ArgumentException($"Port {port.Id} needs at least one berth and a handling time above 0.", nameof(s));
            }
        }
    }

    /// <summary>A yard lane: cargo of one line waiting in one direction, FIFO.</summary>
    private sealed class Lane
    {
        public double[] Time = new double[64];
        public double[] Teu = new double[64];
        public int Head;
        public int Count;
        public double Total;
        public int Loader = -1;
        public readonly Queue<int> Ready = new();
        public double LastSlot = double.NegativeInfinity;
        public RandomStream Random;

        public void Push(double time, double teu)
        {
            if (Count == Time.Length)
            {
                var t = new double[Time.Length * 2];
                var q = new double[Time.Length * 2];
                for (var i = 0; i < Count; i++)
                {
                    t[i] = Time[(Head + i) & (Time.Length - 1)];
                    q[i] = Teu[(Head + i) & (Time.Length - 1)];
                }

                Time = t;
                Teu = q;
                Head = 0;
            }

            var at = (Head + Count) & (Time.Length - 1);
            Time[at] = time;
            Teu[at] = teu;
            Count++;
            Total += teu;
        }
    }

    private sealed class Pass
    {
        private readonly CrossingScenario _s;
        private readonly EventQueue _q;
        private readonly Lane[] _lanes;
        private readonly bool[] _closed;
        private readonly double _end;

        // Vessels, flattened over lines.
        private readonly int[] _vLine;
        private readonly double[] _vCap;
        private readonly CrossingVessel[] _vessel;
        private readonly int[] _vSide;
        private readonly int[] _vToken;
        private readonly bool[] _vHold;
        private readonly double[] _vSince;
        private readonly double[] _vBusy;
        private readonly bool[] _vBusyState;
        private readonly int[] _vSailings;
        private readonly double[] _vShipped;
        private readonly double[] _vSlot;
        private readonly RandomStream[] _vRandom;

        // Ports.
        private readonly int[] _free;
        private readonly Queue<int>[] _berthQueue;
        private readonly double[] _berthQueueSince;
        private readonly double[] _berthWaitSum;
        private readonly int[] _berthWaits;
        private readonly double[] _yard;
        private readonly double[] _portLast;
        private readonly double[] _berthArea;
        private readonly double[] _aboveYard;
        private readonly double[] _maxQueue;

        // Statistics.
        private readonly WaitHistogram _waits = new();
        private readonly WaitHistogram[] _lineWaits;
        private readonly WaitHistogram[] _laneWaits;
        private readonly int[] _lineSailings;
        private readonly double[] _lineShipped;
        private readonly double[] _lineWest;
        private readonly double[] _lineArrived;
        private readonly double[] _lineCapacity;
        private readonly double _monthNorm;
        private readonly List<double> _sampleTimes = [];
        private readonly List<double>[] _queueSamples;
        private readonly List<double> _waitSamples = [];
        private double _intervalWaitSum;
        private double _intervalWeight;
        private double _arrived;
        private double _shipped;
        private double _shippedWagons;
        private long _eventCount;

        public Pass(CrossingScenario s, EventQueue q)
        {
            _s = s;
            _q = q;
            _end = s.Days * 24.0;
            _lanes = new Lane[s.Lines.Count * 2];
            for (var i = 0; i < _lanes.Length; i++)
            {
                _lanes[i] = new Lane { Random = RandomStream.ForBlock(s.Seed, 1_000 + i) };
            }

            var weather = RandomStream.ForBlock(s.Seed, 1);
            _closed = new bool[s.Days + 1];
            for (var d = 0; d < _closed.Length; d++)
            {
                _closed[d] = weather.NextDouble() < s.ClosureProbabilityByMonth[MonthOf(d * 24.0)];
            }

            var vessels = s.Lines.SelectMany((l, li) => l.Vessels.Select(v => (v, li))).ToArray();
            var n = vessels.Length;
            _vessel = [.. vessels.Select(x => x.v)];
            _vLine = [.. vessels.Select(x => x.li)];
            _vCap = [.. vessels.Select(x => x.v.CapacityTeu)];
            _vSide = new int[n];
            _vToken = new int[n];
            _vHold = new bool[n];
            _vSince = new double[n];
            _vBusy = new double[n];
            _vBusyState = new bool[n];
            _vSailings = new int[n];
            _vShipped = new double[n];
            _vSlot = new double[n];
            _vRandom = new RandomStream[n];
            for (var v = 0; v < n; v++)
            {
                // Seeded by line and position on the line, so a vessel added to one line leaves the others' draws alone.
                var position = _vLine.Take(v).Count(l => l == _vLine[v]);
                _vRandom[v] = RandomStream.ForBlock(s.Seed, 100_000 + (_vLine[v] * 1_000) + position);
            }

            var ports = s.Ports.Count;
            _free = [.. s.Ports.Select(p => p.Berths)];
            _berthQueue = [.. s.Ports.Select(_ => new Queue<int>())];
            _berthQueueSince = new double[n];
            _berthWaitSum = new double[ports];
            _berthWaits = new int[ports];
            _yard = new double[ports];
            _portLast = new double[ports];
            _berthArea = new double[ports];
            _aboveYard = new double[ports];
            _maxQueue = new double[ports];
            _queueSamples = [.. s.Ports.Select(_ => new List<double>())];
            var lines = s.Lines.Count;
            _lineWaits = [.. s.Lines.Select(_ => new WaitHistogram())];
            _laneWaits = [.. Enumerable.Range(0, 2 * lines).Select(_ => new WaitHistogram())];
            _lineSailings = new int[lines];
            _lineShipped = new double[lines];
            _lineWest = new double[lines];
            _lineArrived = new double[lines];
            _lineCapacity = new double[lines];
            _monthNorm = s.SeasonalityByMonth.Sum() / 12;
        }

        public CrossingResult Execute(Action<double>? progress, CancellationToken cancellationToken)
        {
            _q.Clear();
            for (var lane = 0; lane < _lanes.Length; lane++)
            {
                ScheduleTrain(lane, 0);
            }

            // Vessels start spread over the cycle: alternately at A and B, staggered by a share of the passage.
            for (var v = 0; v < _vessel.Length; v++)
            {
                var line = _s.Lines[_vLine[v]];
                var position = _vLine.Take(v).Count(l => l == _vLine[v]);
                _vSide[v] = position % 2;
                _vSince[v] = 0;
                _q.Schedule(line.SailingHours.Mode * position / Math.Max(1, line.Vessels.Count), VesselArrive, v);
            }

            _q.Schedule(_s.SampleHours, Sample);
            var nextReport = _end / 100;
            while (_q.TryDequeue(out var e) && e.Time <= _end)
            {
                _eventCount++;
                var now = e.Time;
                switch (e.Kind)
                {
                    case TrainArrive: OnTrain(e.Target, now); break;
                    case VesselArrive: OnVesselArrive(e.Target, now); break;
                    case HandlingDone: OnHandlingDone(e.Target, now); break;
                    case DepartTry:
                        if (e.Token == _vToken[e.Target])
                        {
                            _vHold[e.Target] = false;
                            TryDepart(e.Target, now);
                        }

                        break;
                    default: OnSample(now); break;
                }

                if (now >= nextReport)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Invoke(now / _end);
                    nextReport += _end / 100;
                }
            }

            progress?.Invoke(1);
            return Finish();
        }

        private int MonthOf(double hours)
        {
            // Calendar months of a non-leap year from 1 January; later years repeat.
            ReadOnlySpan<int> ends = [31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
            var day = (int)(hours / 24) % 365;
            for (var m = 0; m < 12; m++)
            {
                if (day < ends[m])
                {
                    return m;
                }
            }

            return 11;
        }

        private void ScheduleTrain(int lane, double now)
        {
            var line = _s.Lines[lane >> 1];
            var perYear = (lane & 1) == 0 ? line.WestboundTeuPerYear : line.EastboundTeuPerYear;
            if (!(perYear > 0) || _monthNorm <= 0)
            {
                return;
            }

            var t = now;
            var l = _lanes[lane];
            for (var guard = 0; guard < 24; guard++)
            {
                var rate = perYear / 8760 * _s.SeasonalityByMonth[MonthOf(t)] / _monthNorm / _s.BatchTeu;
                if (rate > 0)
                {
                    _q.Schedule(t - (Math.Log(l.Random.NextOpenDouble()) / rate), TrainArrive, lane);
                    return;
                }

                t = (Math.Floor(t / 24) + 1) * 24 + 24 * 28; // a month without demand: look again about a month on
            }
        }

        private int PortOf(int lane) => (lane & 1) == 0 ? _s.Lines[lane >> 1].PortA : _s.Lines[lane >> 1].PortB;

        private int LaneOf(int v) => (_vLine[v] * 2) + _vSide[v];

        private void AdvancePort(int p, double now)
        {
            var dt = now - _portLast[p];
            _berthArea[p] += (_s.Ports[p].Berths - _free[p]) * dt;
            if (_yard[p] > _s.Ports[p].YardTeu)
            {
                _aboveYard[p] += dt;
            }

            _portLast[p] = now;
        }

        private void OnTrain(int lane, double now)
        {
            var l = _lanes[lane];
            var p = PortOf(lane);
            AdvancePort(p, now);
            l.Push(now, _s.BatchTeu);
            _yard[p] += _s.BatchTeu;
            _maxQueue[p] = Math.Max(_maxQueue[p], _yard[p]);
            _arrived += _s.BatchTeu;
            _lineArrived[lane >> 1] += _s.BatchTeu;
            ScheduleTrain(lane, now);
            if (l.Loader >= 0 && !_vHold[l.Loader] && _s.Lines[lane >> 1].Policy == SailingPolicy.SailWhenFull && l.Total >= _vCap[l.Loader])
            {
                TryDepart(l.Loader, now);
            }
        }

        private void OnVesselArrive(int v, double now)
        {
            if (_vBusyState[v])
            {
                _vBusy[v] += now - _vSince[v]; // the passage just ended
            }

            _vBusyState[v] = false;
            _vSince[v] = now;
            var p = PortOf(LaneOf(v));
            if (_free[p] > 0)
            {
                StartHandling(v, p, now);
            }
            else
            {
                _berthQueueSince[v] = now;
                _berthQueue[p].Enqueue(v);
                GiveWay(p, now);
            }
        }

        /// <summary>
        /// A vessel is waiting for a berth at <paramref name="p"/>: a sail-when-full vessel idling there for cargo
        /// sails now with what it has (it would only block the berth), freeing the berth for the arrival.
        /// </summary>
        private void GiveWay(int p, double now)
        {
            for (var lane = 0; lane < _lanes.Length; lane++)
            {
                var loader = _lanes[lane].Loader;
                if (loader >= 0 && PortOf(lane) == p && !_vHold[loader] && _s.Lines[lane >> 1].Policy == SailingPolicy.SailWhenFull)
                {
                    TryDepart(loader, now);
                    return;
                }
            }
        }

        private void StartHandling(int v, int p, double now)
        {
            AdvancePort(p, now);
            _free[p]--;
            _berthWaits[p]++;
            _vBusyState[v] = true;
            _vSince[v] = now;
            var u = _vRandom[v].NextDouble();
            _q.Schedule(now + _s.Ports[p].HandlingHours.Quantile(u), HandlingDone, v);
        }

        private void OnHandlingDone(int v, double now)
        {
            _vBusy[v] += now - _vSince[v];
            _vBusyState[v] = false;
            _vSince[v] = now;
            var lane = _lanes[LaneOf(v)];
            if (lane.Loader < 0)
            {
                BecomeLoader(v, now);
            }
            else
            {
                lane.Ready.Enqueue(v);
            }
        }

        private void BecomeLoader(int v, double now)
        {
            var laneIndex = LaneOf(v);
            var lane = _lanes[laneIndex];
            var line = _s.Lines[_vLine[v]];
            lane.Loader = v;
            var token = ++_vToken[v];
            if (line.Policy == SailingPolicy.Scheduled)
            {
                // Evenly spaced slots; the eastbound timetable is offset by half a headway.
                var headway = 168 / line.DeparturesPerWeek;
                var offset = (laneIndex & 1) * headway / 2;
                var k = Math.Ceiling((now - offset) / headway);
                var slot = Math.Max(offset + (k * headway), lane.LastSlot + headway);
                lane.LastSlot = slot;
                _vSlot[v] = slot;
                _q.Schedule(slot, DepartTry, v, token);
                return;
            }

            if (lane.Total >= _vCap[v])
            {
                TryDepart(v, now);
            }
            else
            {
                _q.Schedule(now + line.MaxWaitHours, DepartTry, v, token);
            }
        }

        private void TryDepart(int v, double now)
        {
            var day = (int)(now / 24);
            if (day < _closed.Length && _closed[day])
            {
                // Storm: stay at the berth (still loading) until the first open day.
                var open = day + 1;
                while (open < _closed.Length && _closed[open])
                {
                    open++;
                }

                _vHold[v] = true;
                _q.Schedule(open * 24.0, DepartTry, v, ++_vToken[v]);
                return;
            }

            var laneIndex = LaneOf(v);
            var lane = _lanes[laneIndex];
            var p = PortOf(laneIndex);
            var li = _vLine[v];
            AdvancePort(p, now);
            var load = Math.Min(_vCap[v], lane.Total);
            var left = load;
            var warm = _s.WarmupDays * 24.0;
            while (left > 0 && lane.Count > 0)
            {
                var at = lane.Head;
                var part = Math.Min(left, lane.Teu[at]);
                var wait = now - lane.Time[at];
                if (lane.Time[at] >= warm)
                {
                    _waits.Add(wait, part);
                    _lineWaits[li].Add(wait, part);
                    _laneWaits[laneIndex].Add(wait, part);
                    _intervalWaitSum += wait * part;
                    _intervalWeight += part;
                }

                lane.Teu[at] -= part;
                left -= part;
                if (lane.Teu[at] <= 1e-9)
                {
                    lane.Head = (lane.Head + 1) & (lane.Time.Length - 1);
                    lane.Count--;
                }
            }

            lane.Total -= load;
            if (lane.Count == 0)
            {
                lane.Total = 0; // no drift from partial loads
            }

            _yard[p] -= load;
            _shipped += load;
            _lineShipped[li] += load;
            if ((laneIndex & 1) == 0)
            {
                _lineWest[li] += load;
            }

            if (_s.Lines[li].CarriesWagons)
            {
                _shippedWagons += load / _s.TeuPerWagon;
            }

            _lineSailings[li]++;
            _lineCapacity[li] += _vCap[v];
            _vSailings[v]++;
            _vShipped[v] += load;
            _vToken[v]++;
            _vHold[v] = false;
            lane.Loader = -1;

            // The berth goes to the next vessel in line; the lane to the next vessel ready to load.
            _free[p]++;
            if (_berthQueue[p].TryDequeue(out var next))
            {
                _berthWaitSum[p] += now - _berthQueueSince[next];
                StartHandling(next, p, now);
            }

            if (lane.Ready.TryDequeue(out var ready))
            {
                BecomeLoader(ready, now);
            }

            var line = _s.Lines[li];
            _vSide[v] ^= 1;
            _vBusyState[v] = true;
            _vSince[v] = now;
            _q.Schedule(now + line.SailingHours.Quantile(_vRandom[v].NextDouble()), VesselArrive, v);
        }

        private void OnSample(double now)
        {
            for (var p = 0; p < _yard.Length; p++)
            {
                AdvancePort(p, now);
                _queueSamples[p].Add(_yard[p]);
            }

            _sampleTimes.Add(now);
            _waitSamples.Add(_intervalWeight > 0 ? _intervalWaitSum / _intervalWeight : double.NaN);
            _intervalWaitSum = 0;
            _intervalWeight = 0;
            _q.Schedule(now + _s.SampleHours, Sample);
        }

        private CrossingResult Finish()
        {
            for (var p = 0; p < _yard.Length; p++)
            {
                AdvancePort(p, _end);
            }

            var backlog = _lanes.Sum(l => l.Total);
            var scale = 365.0 / _s.Days;
            var lines = _s.Lines.Select((l, i) => new CrossingLineResult(
                l.Id,
                l.Name,
                _lineSailings[i],
                _lineArrived[i],
                _lineShipped[i],
                _lineWest[i],
                _lanes[2 * i].Total + _lanes[(2 * i) + 1].Total,
                _lineWaits[i].Mean,
                _lineWaits[i].Quantile(0.9),
                _lineCapacity[i] > 0 ? _lineShipped[i] / _lineCapacity[i] : 0,
                _lineCapacity[i] * scale,
                l.CarriesWagons)
            {
                Westbound = DirectionWaits.Of(_laneWaits[2 * i]),
                Eastbound = DirectionWaits.Of(_laneWaits[(2 * i) + 1]),
            }).ToList();
            var vessels = _vessel.Select((v, i) =>
            {
                var busy = _vBusy[i] + (_vBusyState[i] ? _end - _vSince[i] : 0);
                return new CrossingVesselResult(v.Id, v.Name, _s.Lines[_vLine[i]].Id, _vSailings[i], busy / _end, _vSailings[i] > 0 && _vCap[i] > 0 ? _vShipped[i] / (_vSailings[i] * _vCap[i]) : 0, _vCap[i], v.PayloadFactor);
            }).ToList();
            var ports = _s.Ports.Select((p, i) => new CrossingPortResult(
                p.Id, p.Name, _berthArea[i] / (p.Berths * _end), _aboveYard[i], _maxQueue[i], _berthWaits[i] > 0 ? _berthWaitSum[i] / _berthWaits[i] : 0)).ToList();
            return new CrossingResult
            {
                ArrivedTeu = _arrived,
                ShippedTeu = _shipped,
                BacklogTeu = backlog,
                ShippedWagons = _shippedWagons,
                Waits = _waits,
                Lines = lines,
                Vessels = vessels,
                Ports = ports,
                SampleHours = _sampleTimes,
                QueueTeuByPort = _queueSamples,
                MeanWaitBySample = _waitSamples,
                ClosedDays = _closed.Take(_s.Days).Count(c => c),
                Events = _eventCount,
                Days = _s.Days,
                Seed = _s.Seed,
            };
        }
    }
}
