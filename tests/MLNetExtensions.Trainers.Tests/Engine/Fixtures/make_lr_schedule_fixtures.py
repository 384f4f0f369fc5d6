"""Prints the learning rates that PyTorch 1.13's schedulers give per step; the values are committed
in TorchScheduleFixtures.cs. Run with /usr/bin/python3 (Debian python3-torch)."""
import torch


def rates(make, steps):
    parameter = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([parameter], lr=0.1)
    scheduler = make(optimizer)
    out = []
    for _ in range(steps):
        out.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return out


one_cycle = torch.optim.lr_scheduler.OneCycleLR
print("OneCycle(max 0.1, 20 steps, pct 0.3):",
      rates(lambda o: one_cycle(o, max_lr=0.1, total_steps=20, pct_start=0.3, cycle_momentum=False), 20))
print("OneCycle(max 0.05, 12 steps, pct 0.25):",
      rates(lambda o: one_cycle(o, max_lr=0.05, total_steps=12, pct_start=0.25, cycle_momentum=False), 12))
print("CosineAnnealing(lr 0.1, T_max 10):",
      rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10), 10))
