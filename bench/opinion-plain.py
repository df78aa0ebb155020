"""The opinion benchmark's numpy/scikit-learn baseline (issue: "at least 3x faster than the
numpy/scikit-learn pipeline doing the same work from the same files").

The way a plain data-science script does Polis's published method, with the libraries people
reach for: numpy reads the CSVs and fills a dense participant x statement matrix, every missing
vote is filled with its statement's mean, scikit-learn's PCA gives two axes, the projection is
scaled as Polis scales it (sqrt(statements / votes cast)), scikit-learn's KMeans makes 100 base
clusters, k = 2..5 over the base centres (weighted by size) is chosen by silhouette, then the
agree counts per group and statement give the Jeffreys lower bounds (scipy) that the bridging
score takes the minimum of, for opinion groups and for the declared stakeholder groups.

It is the same work as bench/opinion-baseline.ts (our own TypeScript rendering of that script)
and as `cabildo opinion analyze DIR --groups DIR/groups.csv`.

Run with Debian's Python and packages (apt-get install -y python3-sklearn):
    /usr/bin/python3 bench/opinion-plain.py DIR     # prints a small JSON summary
"""

import json
import sys
import time

import numpy as np
from scipy.stats import beta
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score

MIN_VOTES = 7
MIN_PEOPLE = 15
MIN_GROUP_VOTES = 5
CONFIDENCE = 0.9


def dense_votes(directory):
    votes = np.loadtxt(f"{directory}/votes.csv", delimiter=",", skiprows=1, usecols=(2, 3, 4), dtype=np.int64)
    statements, statement_index = np.unique(votes[:, 0], return_inverse=True)
    participants, participant_index = np.unique(votes[:, 1], return_inverse=True)
    matrix = np.full((len(participants), len(statements)), np.nan)
    matrix[participant_index, statement_index] = votes[:, 2]  # a re-vote (a later row) overwrites in practice
    return participants, matrix


def stakeholder_groups(directory, participants):
    rows = np.loadtxt(f"{directory}/groups.csv", delimiter=",", skiprows=1, dtype=str)
    position = {int(p): i for i, p in enumerate(participants)}
    labels, label_index = np.unique(rows[:, 1], return_inverse=True)
    group_of = np.full(len(participants), -1)
    for participant, label in zip(rows[:, 0], label_index):
        if int(participant) in position:
            group_of[position[int(participant)]] = label
    return group_of, len(labels)


def chosen_participants(matrix):
    cast = np.sum(~np.isnan(matrix), axis=1)
    chosen = np.flatnonzero(cast >= min(MIN_VOTES, matrix.shape[1]))
    if len(chosen) < MIN_PEOPLE:
        rest = np.flatnonzero((cast > 0) & (cast < MIN_VOTES))
        rest = rest[np.argsort(-cast[rest], kind="stable")][: MIN_PEOPLE - len(chosen)]
        chosen = np.sort(np.concatenate([chosen, rest]))
    return chosen, cast


def projection(matrix, chosen, cast):
    rows = matrix[chosen]
    means = np.nan_to_num(np.nanmean(rows, axis=0))
    centred = np.where(np.isnan(rows), means, rows) - means
    points = PCA(n_components=2, svd_solver="randomized", random_state=1).fit_transform(centred)
    return points * np.sqrt(matrix.shape[1] / np.maximum(cast[chosen], 1))[:, None]


def opinion_groups(points):
    base = KMeans(n_clusters=100, n_init=1, random_state=1).fit(points)
    sizes = np.bincount(base.labels_, minlength=100)
    best, best_score = np.zeros(100, dtype=int), -np.inf
    for k in range(2, 6):
        grouping = KMeans(n_clusters=k, n_init=1, random_state=1).fit(base.cluster_centers_, sample_weight=sizes)
        if len(set(grouping.labels_)) < 2:
            continue
        score = silhouette_score(base.cluster_centers_, grouping.labels_)
        if score > best_score:
            best, best_score = grouping.labels_, score
    return best[base.labels_], int(best.max()) + 1


def bridging(matrix, group_of, groups):
    scores = np.full(matrix.shape[1], np.inf)
    for g in range(groups):
        rows = matrix[group_of == g]
        seen = np.sum(~np.isnan(rows), axis=0)
        agree = np.sum(rows == 1, axis=0)
        bound = np.where(agree > 0, beta.ppf((1 - CONFIDENCE) / 2, agree + 0.5, seen - agree + 0.5), 0.0)
        scores = np.where(seen >= MIN_GROUP_VOTES, np.minimum(scores, bound), scores)
    return scores


def main(directory):
    started = time.perf_counter()
    participants, matrix = dense_votes(directory)
    stakeholder_of, stakeholder_count = stakeholder_groups(directory, participants)
    loaded = time.perf_counter()
    chosen, cast = chosen_participants(matrix)
    group_of_point, group_count = opinion_groups(projection(matrix, chosen, cast))
    opinion_of = np.full(len(participants), -1)
    opinion_of[chosen] = group_of_point
    combined = np.minimum(bridging(matrix, opinion_of, group_count), bridging(matrix, stakeholder_of, stakeholder_count))
    finished = time.perf_counter()
    print(json.dumps({
        "participants": len(participants),
        "statements": matrix.shape[1],
        "clustered": len(chosen),
        "groups": group_count,
        "top": int(np.argmax(combined)),
        "load_ms": round((loaded - started) * 1000),
        "analyse_ms": round((finished - loaded) * 1000),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
