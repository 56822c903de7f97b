#!/usr/bin/python3
"""The M/M/c queue of Corridors.Simulation.MultiServerQueue, in SimPy 3 (Debian python3-simpy3).

Usage: mmc_simpy.py LAMBDA MU SERVERS CUSTOMERS SEED
Prints one JSON line: customers, mean wait in queue, seconds (process_time of the run), the SimPy version.
Run it with /usr/bin/python3 (the pyenv shim on PATH does not see Debian's packages).
"""
import json
import random
import sys
import time

import simpy


def main():
    lam, mu, servers, customers, seed = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=servers)
    stats = {"served": 0, "wait": 0.0}

    def customer(env):
        arrived = env.now
        with desk.request() as req:
            yield req
            stats["wait"] += env.now - arrived
            yield env.timeout(rng.expovariate(mu))
        stats["served"] += 1

    def source(env):
        for _ in range(customers):
            env.process(customer(env))
            yield env.timeout(rng.expovariate(lam))

    start = time.process_time()
    env.process(source(env))
    env.run()
    seconds = time.process_time() - start
    print(json.dumps({"customers": stats["served"], "meanWait": stats["wait"] / stats["served"], "seconds": seconds, "simpy": simpy.__version__}))


if __name__ == "__main__":
    main()
