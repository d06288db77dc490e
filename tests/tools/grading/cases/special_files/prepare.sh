# The right answer is the tree's own solution (copied before this runs), beside
# links to /etc/passwd and /dev/zero and FIFOs that the grader must refuse
# without reading them.
# Makes what git cannot hold: links to /etc/passwd and /dev/zero and a FIFO,
# named like the exercise source (in folders) and like other sources.
set -euo pipefail
sub=$1
mkdir -p "$sub/linked" "$sub/fifo" "$sub/zero"
ln -s /etc/passwd "$sub/linked/cosine_similarity.cpp"
mkfifo "$sub/fifo/cosine_similarity.cpp"
ln -s /dev/zero "$sub/zero/cosine_similarity.cpp"
ln -s /etc/passwd "$sub/passwd.txt"
mkfifo "$sub/pipe.cpp"
# a folder named like a source, and a link to a folder
mkdir -p "$sub/deep/frobenius_norm.cpp"
ln -s /etc "$sub/etc"
