namespace KetaminePkPd;

/// <summary>Which solver integrates a simulation. All three agree on the built-in models to 1e-6 relative.</summary>
public enum SolverMethod
{
    /// <summary>Exact solution of the linear system between dose events (matrix exponential); linear models only. The default and the fastest.</summary>
    Exact,

    /// <summary>Adaptive explicit Runge-Kutta, Dormand-Prince 5(4) with dense output. For nonlinear models that are not stiff.</summary>
    DormandPrince54,

    /// <summary>Adaptive linearly implicit Rosenbrock method for stiff systems.</summary>
    Rosenbrock,
}
